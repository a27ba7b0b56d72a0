import {
  WEBHOOK_SUBSCRIPTION_EVENT_TYPES,
  type WebhookSubscriptionEvent,
  type WebhookSubscriptionState,
  webhookSubscriptionDecider,
} from '@fieldstream/domain';
import type { RecordedEvent } from '@fieldstream/event-store';
import { defineProjection } from '../projection-definition';
import {
  WEBHOOK_SUBSCRIPTIONS_COLLECTION,
  type WebhookSubscriptionDocument,
} from './webhook-subscription-collections';

type SubscriptionRecorded = RecordedEvent & WebhookSubscriptionEvent;

/**
 * The subscription after this event, folded by the domain's own `evolve` from what the document
 * kept (its secrets aside: they change nothing the document shows).
 */
function next(existing: Readonly<WebhookSubscriptionDocument> | null, event: SubscriptionRecorded) {
  const state: WebhookSubscriptionState = {
    subscription: existing
      ? {
          ...existing,
          subscriptionId: existing._id,
          status: existing.status,
          secret: '',
          previousSecret: existing.previousSecretValidUntil
            ? { secret: '', validUntil: existing.previousSecretValidUntil }
            : null,
        }
      : null,
  };
  return webhookSubscriptionDecider.evolve(state, event).subscription;
}

/** Integrators' webhook subscriptions, for the lists of administrators, auditors and each integrator. */
export const webhookSubscriptionsProjection = defineProjection<
  SubscriptionRecorded,
  typeof WEBHOOK_SUBSCRIPTIONS_COLLECTION
>({
  name: 'webhook-subscriptions',
  version: 1,
  eventTypes: WEBHOOK_SUBSCRIPTION_EVENT_TYPES,
  collections: {
    [WEBHOOK_SUBSCRIPTIONS_COLLECTION]: {
      indexes: [
        { name: 'by_owner', keys: { ownerId: 1, createdAt: 1 } },
        { name: 'by_status', keys: { status: 1, createdAt: 1 } },
      ],
    },
  },
  documentsFor: (event) => [{ collection: WEBHOOK_SUBSCRIPTIONS_COLLECTION, id: event.data.subscriptionId }],
  apply(event, current) {
    const id = event.data.subscriptionId;
    const existing = current.get<WebhookSubscriptionDocument>(WEBHOOK_SUBSCRIPTIONS_COLLECTION, id);
    // One stream per subscription: its revision orders its events, so a redelivery is recognised.
    if (existing && event.revision < existing.version) return [];
    const subscription = next(existing, event);
    if (!subscription || (!existing && event.type !== 'WebhookSubscriptionCreated')) return [];
    if (subscription.status === 'deleted')
      return [{ op: 'delete', collection: WEBHOOK_SUBSCRIPTIONS_COLLECTION, id }];
    const { secret: _secret, previousSecret, subscriptionId: _id, status, ...shown } = subscription;
    const document: WebhookSubscriptionDocument = {
      ...shown,
      _id: id,
      status,
      ownerId: subscription.owner.id,
      previousSecretValidUntil: previousSecret?.validUntil ?? null,
      startPosition: existing?.startPosition ?? event.position,
      version: event.revision + 1,
    };
    return [{ op: 'put', collection: WEBHOOK_SUBSCRIPTIONS_COLLECTION, document }];
  },
});
