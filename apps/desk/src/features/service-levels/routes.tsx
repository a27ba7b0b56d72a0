import type { RouteObject } from 'react-router';
import { lazyScreen } from '../../shared/components/lazy-screen';

/** Mounted under /app/ by the app's routes; the dashboard's code loads on first visit (its chart later still). */
export const serviceLevelsRoute: RouteObject = {
  path: 'service-levels',
  ...lazyScreen(async () => (await import('./components/service-levels-page')).ServiceLevelsPage),
};
