import { dispatchBoardRoute } from '../features/dispatch-board/routes';
import { availabilityRoute } from '../features/availability/routes';
import { importRoute } from '../features/import/routes';
import { mapRoute } from '../features/map/routes';
import { notificationRoutes } from '../features/notifications/routes';
import { portalRoutes } from '../features/portal/routes';
import { preventiveRoute } from '../features/preventive/routes';
import { serviceLevelsRoute } from '../features/service-levels/routes';
import { serviceRequestRoutes } from '../features/service-requests/routes';
import { stockRoute } from '../features/stock/routes';
import { technicianRoutes } from '../features/technician/routes';
import { webhookSubscriptionRoutes } from '../features/webhook-subscriptions/routes';
import { Navigate, type RouteObject } from 'react-router';
import { LoginPage } from '../features/auth/components/login-page';
import { RequireSession } from '../features/auth/components/require-session';
import { AppFrame } from '../features/shell/components/app-frame';
import { HomePage } from '../features/shell/components/home-page';
import { lazyScreen } from '../shared/components/lazy-screen';
import { preloadScreens } from './preload-screens';

/**
 * The screens inside the frame, under `/app`. Other features add their route objects here
 * (map, availability, import), with paths relative to `/app`. The home page is in the first
 * bundle; every other screen is its own chunk, fetched on its first visit (`lazyScreen`).
 */
export const appChildRoutes: RouteObject[] = [
  { index: true, element: <HomePage /> },
  {
    path: 'md/:plural',
    ...lazyScreen(
      async () => (await import('../features/master-data/components/record-list-page')).RecordListPage,
    ),
  },
  {
    path: 'md/:plural/:code',
    ...lazyScreen(async () => (await import('../features/master-data/components/record-page')).RecordPage),
  },
  {
    path: 'users',
    ...lazyScreen(async () => (await import('../features/users/components/users-page')).UsersPage),
  },
  importRoute,
  mapRoute,
  availabilityRoute,
  stockRoute,
  ...serviceRequestRoutes,
  dispatchBoardRoute,
  serviceLevelsRoute,
  preventiveRoute,
  ...notificationRoutes,
  ...technicianRoutes,
  ...portalRoutes,
  ...webhookSubscriptionRoutes,
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

// The browser opens the desk on one screen: fetch its code now, alongside the first render.
if (typeof window !== 'undefined') preloadScreens(appRoutes, window.location.pathname);
