import { render } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { AppProviders } from '../app/app-providers';
import { appRoutes } from '../app/app-routes';
import { createQueryClient } from '../app/create-query-client';
import { createI18n } from '../app/i18n/create-i18n';
import type { Session } from '../features/auth/types/session';

/** The whole desk as the browser gets it, but on a memory router at `path`. */
export function renderDesk({
  path = '/',
  language = 'en',
  session,
}: {
  path?: string;
  language?: string;
  /** Omitted: the tab's sessionStorage decides, as after a reload. */
  session?: Session | null;
} = {}) {
  const i18n = createI18n(language);
  const router = createMemoryRouter(appRoutes, { initialEntries: [path] });
  const view = render(
    <AppProviders
      i18n={i18n}
      queryClient={createQueryClient()}
      {...(session !== undefined ? { initialSession: session } : {})}
      mantineEnv="test"
    >
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return { ...view, router, i18n };
}
