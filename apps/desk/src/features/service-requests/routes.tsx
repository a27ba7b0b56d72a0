import type { RouteObject } from 'react-router';
import { lazyScreen } from '../../shared/components/lazy-screen';
import { CustomersToPortal } from '../portal/components/customers-to-portal';

/** A desk screen that a customer is sent past, to the portal's page for the same thing. */
function deskScreen(
  screen: ReturnType<typeof lazyScreen>,
  portal: Parameters<typeof CustomersToPortal>[0]['to'],
) {
  return {
    element: <CustomersToPortal to={portal}>{screen.element}</CustomersToPortal>,
    handle: screen.handle,
  };
}

/** Mounted under /app/ by the app's routes; each screen's code loads on its first visit. */
export const serviceRequestRoutes: RouteObject[] = [
  {
    path: 'requests',
    ...deskScreen(
      lazyScreen(async () => (await import('./components/requests-page')).RequestsPage),
      () => '/app/portal',
    ),
  },
  {
    path: 'requests/new',
    ...deskScreen(
      lazyScreen(async () => (await import('./components/new-request-page')).NewRequestPage),
      () => '/app/portal/new',
    ),
  },
  {
    path: 'requests/:id',
    ...deskScreen(
      lazyScreen(async () => (await import('./components/request-detail-page')).RequestDetailPage),
      ({ id }) => `/app/portal/requests/${encodeURIComponent(id ?? '')}`,
    ),
  },
  {
    path: 'agendas',
    ...lazyScreen(async () => (await import('./components/agendas-page')).AgendasPage),
  },
];
