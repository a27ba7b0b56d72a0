import type { RouteObject } from 'react-router';
import { lazyScreen } from '../../shared/components/lazy-screen';

/** The customer portal's screens, mounted under /app/ by the app's routes; each loads on first visit. */
export const portalRoutes: RouteObject[] = [
  {
    path: 'portal',
    ...lazyScreen(async () => (await import('./components/my-requests-page')).MyRequestsPage),
  },
  {
    path: 'portal/new',
    ...lazyScreen(async () => (await import('./components/new-request-page')).PortalNewRequestPage),
  },
  {
    path: 'portal/requests/:id',
    ...lazyScreen(async () => (await import('./components/portal-request-page')).PortalRequestPage),
  },
  {
    path: 'portal/assets',
    ...lazyScreen(async () => (await import('./components/my-assets-page')).MyAssetsPage),
  },
  {
    path: 'portal/assets/:code',
    ...lazyScreen(async () => (await import('./components/portal-asset-page')).PortalAssetPage),
  },
  {
    path: 'portal/assets/:code/label',
    ...lazyScreen(async () => (await import('./components/asset-label-page')).AssetLabelPage),
  },
  {
    path: 'portal/contracts',
    ...lazyScreen(async () => (await import('./components/my-contracts-page')).MyContractsPage),
  },
];
