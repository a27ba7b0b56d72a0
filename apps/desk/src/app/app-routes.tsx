import { Navigate, type RouteObject } from 'react-router';
import { LoginPage } from '../features/auth/components/login-page';
import { RequireSession } from '../features/auth/components/require-session';
import { AppFrame } from '../features/shell/components/app-frame';

/** Shared by the browser router and the tests' memory router, so both see the same tree. */
export const appRoutes: RouteObject[] = [
  { path: '/', element: <Navigate to="/app" replace /> },
  { path: '/login', element: <LoginPage /> },
  {
    path: '/app/*',
    element: (
      <RequireSession>
        <AppFrame />
      </RequireSession>
    ),
  },
  { path: '*', element: <Navigate to="/app" replace /> },
];
