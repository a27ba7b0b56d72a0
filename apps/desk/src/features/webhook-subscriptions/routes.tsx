import type { RouteObject } from 'react-router';
import { lazyScreen } from '../../shared/components/lazy-screen';

/**
 * Mounted under /app/ by the app's routes: the webhook subscriptions (Integrations → Webhooks) and
 * each one's page, for administrators, auditors and integrations (the API refuses anyone else).
 */
export const webhookSubscriptionRoutes: RouteObject[] = [
  {
    path: 'integrations/webhooks',
    ...lazyScreen(async () => (await import('./components/webhooks-page')).WebhooksPage),
  },
  {
    path: 'integrations/webhooks/:id',
    ...lazyScreen(async () => (await import('./components/webhook-detail-page')).WebhookDetailPage),
  },
];
