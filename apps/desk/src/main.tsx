import '@mantine/core/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { AppProviders } from './app/app-providers';
import { appRoutes } from './app/app-routes';
import { createQueryClient } from './app/create-query-client';
import { createI18n } from './app/i18n/create-i18n';
import { startServiceWorker } from './app/start-service-worker';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

const i18n = createI18n();
document.documentElement.lang = i18n.resolvedLanguage ?? i18n.language;

createRoot(container).render(
  <StrictMode>
    <AppProviders i18n={i18n} queryClient={createQueryClient()}>
      <RouterProvider router={createBrowserRouter(appRoutes)} />
    </AppProviders>
  </StrictMode>,
);

startServiceWorker();
