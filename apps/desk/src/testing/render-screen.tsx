import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { AppProviders } from '../app/app-providers';
import { createQueryClient } from '../app/create-query-client';
import { createI18n } from '../app/i18n/create-i18n';
import { testSession } from '../features/auth/testing/test-session';
import type { Session } from '../features/auth/types/session';

/**
 * One screen on its own, inside the desk's providers and signed in, on a memory router at `path`:
 * for testing a screen without the frame and navigation around it (renderDesk gives the whole desk).
 */
export function renderScreen(
  element: ReactNode,
  {
    path = '/',
    language = 'en',
    session = testSession('ada'),
  }: { path?: string; language?: string; session?: Session } = {},
) {
  const router = createMemoryRouter([{ path: '*', element }], { initialEntries: [path] });
  return render(
    <AppProviders
      i18n={createI18n(language)}
      queryClient={createQueryClient()}
      initialSession={session}
      mantineEnv="test"
    >
      <RouterProvider router={router} />
    </AppProviders>,
  );
}
