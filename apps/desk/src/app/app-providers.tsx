import { MantineProvider } from '@mantine/core';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import type { i18n as I18n } from 'i18next';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { SessionExpiryWatcher } from '../features/auth/components/session-expiry-watcher';
import { SessionProvider } from '../features/auth/components/session-provider';
import { LiveUpdates } from '../features/live/components/live-updates';
import type { Session } from '../features/auth/types/session';
import { cssVariablesResolver, theme } from './theme';

export interface AppProvidersProps {
  i18n: I18n;
  queryClient: QueryClient;
  children: ReactNode;
  /** Tests start signed in or out explicitly; the browser reads sessionStorage. */
  initialSession?: Session | null;
  /** 'test' turns off Mantine's transitions and portals, which jsdom cannot lay out. */
  mantineEnv?: 'default' | 'test';
}

export function AppProviders({
  i18n,
  queryClient,
  children,
  initialSession,
  mantineEnv = 'default',
}: AppProvidersProps) {
  return (
    <I18nextProvider i18n={i18n}>
      <MantineProvider
        theme={theme}
        cssVariablesResolver={cssVariablesResolver}
        defaultColorScheme="light"
        env={mantineEnv}
      >
        <QueryClientProvider client={queryClient}>
          <SessionProvider {...(initialSession !== undefined ? { initialSession } : {})}>
            <SessionExpiryWatcher />
            <LiveUpdates />
            {children}
          </SessionProvider>
        </QueryClientProvider>
      </MantineProvider>
    </I18nextProvider>
  );
}
