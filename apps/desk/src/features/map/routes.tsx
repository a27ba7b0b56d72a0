import type { RouteObject } from 'react-router';
import { lazyScreen } from '../../shared/components/lazy-screen';

/** Mounted under /app/ by the app's routes; the screen's code (Leaflet) loads on first visit. */
export const mapRoute: RouteObject = {
  path: 'map',
  ...lazyScreen(async () => (await import('./components/map-page')).MapPage),
};
