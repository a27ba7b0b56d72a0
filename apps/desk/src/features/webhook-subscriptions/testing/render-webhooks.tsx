import { render } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { AppProviders } from '../../../app/app-providers';
import { createQueryClient } from '../../../app/create-query-client';
import { createI18n } from '../../../app/i18n/create-i18n';
import { testSession } from '../../auth/testing/test-session';
import type { Session } from '../../auth/types/session';
import { webhookSubscriptionRoutes } from '../routes';

// jsdom lays nothing out, so it has no scrollIntoView; Mantine's comboboxes scroll the chosen
// option into view. A stand-in for the browser's edge, not for our code.
if (typeof Element.prototype.scrollIntoView !== 'function')
  Element.prototype.scrollIntoView = () => undefined;

/**
 * The webhook screens under `/app`, inside the desk's providers and signed in (an administrator
 * unless told), on a memory router at `path`.
 */
export function renderWebhooks({
  path,
  language = 'en',
  session = testSession('admin', { role: 'admin' }),
}: {
  path: string;
  language?: string;
  session?: Session;
}) {
  const router = createMemoryRouter(
    [{ path: '/app', children: [...webhookSubscriptionRoutes, { path: '*', element: <p>elsewhere</p> }] }],
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
