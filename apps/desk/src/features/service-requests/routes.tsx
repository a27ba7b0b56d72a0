import type { RouteObject } from 'react-router';
import { AgendasPage } from './components/agendas-page';
import { NewRequestPage } from './components/new-request-page';
import { RequestDetailPage } from './components/request-detail-page';
import { RequestsPage } from './components/requests-page';

/** Mounted under /app/ by the app's routes. */
export const serviceRequestRoutes: RouteObject[] = [
  { path: 'requests', element: <RequestsPage /> },
  { path: 'requests/new', element: <NewRequestPage /> },
  { path: 'requests/:id', element: <RequestDetailPage /> },
  { path: 'agendas', element: <AgendasPage /> },
];
