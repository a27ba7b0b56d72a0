import type { WebhookSubscription } from '@fieldstream/domain';
import type { ReadDocument } from '@fieldstream/read-store';

export const WEBHOOK_SUBSCRIPTIONS_COLLECTION = 'webhook_subscriptions';

/**
 * One live webhook subscription as the lists show it: everything but its secrets (those stay in its
 * stream, read only for whoever may see them). A deleted subscription leaves the list.
 */
export type WebhookSubscriptionDocument = ReadDocument &
  Omit<WebhookSubscription, 'secret' | 'previousSecret' | 'subscriptionId' | 'status'> & {
    /** The subscription id. */
    _id: string;
    status: 'active' | 'paused';
    /** For the integrators' own lists. */
    ownerId: string;
    previousSecretValidUntil: string | null;
    /** The position of the event that created it: deliveries begin after it. */
    startPosition: number;
    /** The stream's version (its number of events): an ETag for If-Match. */
    version: number;
  };
