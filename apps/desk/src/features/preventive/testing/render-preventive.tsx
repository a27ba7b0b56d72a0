import { render } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { AppProviders } from '../../../app/app-providers';
import { createQueryClient } from '../../../app/create-query-client';
import { createI18n } from '../../../app/i18n/create-i18n';
import { testSession } from '../../auth/testing/test-session';
import type { Session } from '../../auth/types/session';
import { preventiveRoute } from '../routes';

/**
 * The preventive screen under `/app`, inside the desk's providers and signed in (a dispatcher
 * unless told), on a memory router at `path`. Any other `/app/...` path renders its own path, for
 * tests to see where a link went.
 */
export function renderPreventive({
  path = '/app/preventive',
  language = 'en',
  session = testSession('disp.mi'),
}: { path?: string; language?: string; session?: Session } = {}) {
  const router = createMemoryRouter(
    [
      {
        path: '/app',
        children: [preventiveRoute, { path: '*', element: <p data-testid="elsewhere">elsewhere</p> }],
      },
    ],
    { initialEntries: [path] },
  );
  const view = render(
    <AppProviders
      i18n={createI18n(language)}
      queryClient={createQueryClient()}
      initialSession={session}
      mantineEnv="test"
    >
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return { ...view, router };
}
