import type { RouteObject } from 'react-router';
import { lazyScreen } from '../../shared/components/lazy-screen';

/** Mounted under /app/ by the app's routes; the runs' page loads on its first visit. */
export const preventiveRoute: RouteObject = {
  path: 'preventive',
  ...lazyScreen(async () => (await import('./components/preventive-runs-page')).PreventiveRunsPage),
};
