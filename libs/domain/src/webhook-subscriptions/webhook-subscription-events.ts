/**
 * What an integrator's webhook subscription records: its settings, its signing secret, whether it
 * is delivering, the replays asked for, and whether its receiver has been failing. Each lives in
 * its own stream, `webhook-subscription-<subscriptionId>`, never published (it holds the secret).
 */

/** What a subscription is: where events are POSTed, and which ones. */
export type WebhookSubscriptionSettings = {
  name: string;
  /** Empty when none was given. */
  description: string;
  url: string;
  /** CloudEvents types from the published catalogue (`io.fieldstream.service-request.opened.v1`), sorted. */
  eventTypes: string[];
  /** Whole categories of the catalogue (`service-requests`, `devices`...), sorted. */
  categories: string[];
};

/** Who owns it: an integrator (an API key or a user in that role), or the administrator who made it. */
export type WebhookSubscriptionOwner = {
  id: string;
  kind: 'user' | 'api-key';
  name: string;
  role: string;
};

/** Why deliveries stopped: someone asked, or the receiver answered 410 Gone (Standard Webhooks' "stop"). */
export type WebhookPauseReason = 'requested' | 'receiver-gone';

export type WebhookSubscriptionEvent =
  | {
      type: 'WebhookSubscriptionCreated';
      data: WebhookSubscriptionSettings & {
        subscriptionId: string;
        /** `whsec_` and base64, as Standard Webhooks writes it. */
        secret: string;
        owner: WebhookSubscriptionOwner;
        at: string;
      };
    }
  | {
      type: 'WebhookSubscriptionChanged';
      data: WebhookSubscriptionSettings & { subscriptionId: string; changedFields: string[]; at: string };
    }
  | {
      type: 'WebhookSubscriptionSecretRotated';
      data: {
        subscriptionId: string;
        secret: string;
        /** Until then calls are signed with the previous secret too, so receivers can switch over. */
        previousSecretValidUntil: string | null;
        at: string;
      };
    }
  | {
      type: 'WebhookSubscriptionPaused';
      data: { subscriptionId: string; reason: WebhookPauseReason; detail: string | null; at: string };
    }
  | { type: 'WebhookSubscriptionResumed'; data: { subscriptionId: string; at: string } }
  | {
      type: 'WebhookSubscriptionReplayRequested';
      /** Events at `fromPosition` and after are sent again, with their own ids. */
      data: { subscriptionId: string; fromPosition: number; at: string };
    }
  | {
      type: 'WebhookSubscriptionMarkedFailing';
      data: {
        subscriptionId: string;
        /** The first failure since the last delivery taken. */
        since: string;
        consecutiveFailures: number;
        lastError: string;
        at: string;
      };
    }
  | {
      type: 'WebhookSubscriptionRecovered';
      data: { subscriptionId: string; failingSince: string; at: string };
    }
  | { type: 'WebhookSubscriptionDeleted'; data: { subscriptionId: string; at: string } };

export const WEBHOOK_SUBSCRIPTION_EVENT_TYPES: readonly WebhookSubscriptionEvent['type'][] = [
  'WebhookSubscriptionCreated',
  'WebhookSubscriptionChanged',
  'WebhookSubscriptionSecretRotated',
  'WebhookSubscriptionPaused',
  'WebhookSubscriptionResumed',
  'WebhookSubscriptionReplayRequested',
  'WebhookSubscriptionMarkedFailing',
  'WebhookSubscriptionRecovered',
  'WebhookSubscriptionDeleted',
];

export const WEBHOOK_SUBSCRIPTION_STREAM_PREFIX = 'webhook-subscription-';
export const webhookSubscriptionStreamName = (subscriptionId: string) =>
  `${WEBHOOK_SUBSCRIPTION_STREAM_PREFIX}${subscriptionId}`;
