import { render } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { AppProviders } from '../../../app/app-providers';
import { createQueryClient } from '../../../app/create-query-client';
import { createI18n } from '../../../app/i18n/create-i18n';
import { testSession } from '../../auth/testing/test-session';
import { portalRoutes } from '../routes';

/** A customer user of ACME, as the login answers them. */
export const CUSTOMER_SESSION = testSession('acme.user', {
  role: 'customer',
  displayName: 'Giulia Verdi',
  binding: { customerCode: 'ACME' },
});

/** The portal's screens under `/app`, inside the desk's providers, signed in as an ACME user. */
export function renderPortal({ path, language = 'en' }: { path: string; language?: string }) {
  const queryClient = createQueryClient();
  const router = createMemoryRouter([{ path: '/app', children: portalRoutes }], { initialEntries: [path] });
  const view = render(
    <AppProviders
      i18n={createI18n(language)}
      queryClient={queryClient}
      initialSession={CUSTOMER_SESSION}
      mantineEnv="test"
    >
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return { ...view, router, queryClient };
}
