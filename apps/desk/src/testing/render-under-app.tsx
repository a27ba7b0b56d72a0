import { render } from '@testing-library/react';
import type { i18n as I18n } from 'i18next';
import { createMemoryRouter, RouterProvider, type RouteObject } from 'react-router';
import { AppProviders } from '../app/app-providers';
import { createQueryClient } from '../app/create-query-client';
import { createI18n } from '../app/i18n/create-i18n';
import type { Session } from '../features/auth/types/session';

/**
 * A feature's routes under `/app`, inside the desk's providers and signed in as `session`, on a
 * memory router at `path`. With `elsewhere`, any other `/app/...` path renders a marker
 * (`data-testid="elsewhere"`), for tests to see where a link went. `i18n` is the caller's when it
 * adds bundles of its own; otherwise one in `language`.
 */
export function renderUnderApp(
  routes: RouteObject[],
  {
    path,
    session,
    language = 'en',
    i18n = createI18n(language),
    elsewhere = false,
  }: { path: string; session: Session; language?: string; i18n?: I18n; elsewhere?: boolean },
) {
  const queryClient = createQueryClient();
  const children = elsewhere
    ? [...routes, { path: '*', element: <p data-testid="elsewhere">elsewhere</p> }]
    : routes;
  const router = createMemoryRouter([{ path: '/app', children }], { initialEntries: [path] });
  const view = render(
    <AppProviders i18n={i18n} queryClient={queryClient} initialSession={session} mantineEnv="test">
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return { ...view, router, queryClient, i18n };
}
