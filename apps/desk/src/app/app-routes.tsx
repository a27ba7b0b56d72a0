import { dispatchBoardRoute } from '../features/dispatch-board/routes';
import { availabilityRoute } from '../features/availability/routes';
import { importRoute } from '../features/import/routes';
import { mapRoute } from '../features/map/routes';
import { serviceRequestRoutes } from '../features/service-requests/routes';
import { stockRoute } from '../features/stock/routes';
import { technicianRoutes } from '../features/technician/routes';
import { Navigate, type RouteObject } from 'react-router';
import { LoginPage } from '../features/auth/components/login-page';
import { RequireSession } from '../features/auth/components/require-session';
import { RecordListPage } from '../features/master-data/components/record-list-page';
import { RecordPage } from '../features/master-data/components/record-page';
import { AppFrame } from '../features/shell/components/app-frame';
import { HomePage } from '../features/shell/components/home-page';
import { UsersPage } from '../features/users/components/users-page';

/**
 * The screens inside the frame, under `/app`. Other features add their route objects here
 * (map, availability, import), with paths relative to `/app`.
 */
export const appChildRoutes: RouteObject[] = [
  { index: true, element: <HomePage /> },
  { path: 'md/:plural', element: <RecordListPage /> },
  { path: 'md/:plural/:code', element: <RecordPage /> },
  { path: 'users', element: <UsersPage /> },
  importRoute,
  mapRoute,
  availabilityRoute,
  stockRoute,
  ...serviceRequestRoutes,
  dispatchBoardRoute,
  ...technicianRoutes,
];

/** Shared by the browser router and the tests' memory router, so both see the same tree. */
export const appRoutes: RouteObject[] = [
  { path: '/', element: <Navigate to="/app" replace /> },
  { path: '/login', element: <LoginPage /> },
  {
    path: '/app',
    element: (
      <RequireSession>
        <AppFrame />
      </RequireSession>
    ),
    children: [...appChildRoutes, { path: '*', element: <Navigate to="/app" replace /> }],
  },
  { path: '*', element: <Navigate to="/app" replace /> },
];
