import type { WebhookSubscriptionView } from '@fieldstream/api-contract';
import { useSession } from '../../auth/hooks/use-session';

/**
 * What the signed-in user may do with webhooks, as the API decides it (the screens only leave out
 * what would be refused): administrators everything, an integration its own subscriptions, auditors
 * read without secrets.
 */
export function useWebhookPermissions() {
  const { session } = useSession();
  const role = session?.user.role;
  const me = session?.user.id;
  const mayManage = (owner: WebhookSubscriptionView['owner']) =>
    role === 'admin' || (role === 'integrator' && owner.id === me);
  return {
    mayRead: role === 'admin' || role === 'auditor' || role === 'integrator',
    mayCreate: role === 'admin' || role === 'integrator',
    mayManage,
    /** The secret goes with managing: administrators, and the subscription's own integration. */
    maySeeSecret: mayManage,
  };
}
