import type { RouteObject } from 'react-router';
import { lazyScreen } from '../../shared/components/lazy-screen';

/** Mounted under /app/ by the app's routes; the screen's code (FullCalendar) loads on first visit. */
export const availabilityRoute: RouteObject = {
  path: 'availability',
  ...lazyScreen(async () => (await import('./components/availability-page')).AvailabilityPage),
};
