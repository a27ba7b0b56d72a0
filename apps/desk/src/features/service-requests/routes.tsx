import type { RouteObject } from 'react-router';
import { lazyScreen } from '../../shared/components/lazy-screen';

/** Mounted under /app/ by the app's routes; each screen's code loads on its first visit. */
export const serviceRequestRoutes: RouteObject[] = [
  {
    path: 'requests',
    ...lazyScreen(async () => (await import('./components/requests-page')).RequestsPage),
  },
  {
    path: 'requests/new',
    ...lazyScreen(async () => (await import('./components/new-request-page')).NewRequestPage),
  },
  {
    path: 'requests/:id',
    ...lazyScreen(async () => (await import('./components/request-detail-page')).RequestDetailPage),
  },
  {
    path: 'agendas',
    ...lazyScreen(async () => (await import('./components/agendas-page')).AgendasPage),
  },
];
