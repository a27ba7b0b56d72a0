import { z } from 'zod';
import { EVENT_CATEGORY_NAMES } from '../event-stream/event-stream-contract';

/**
 * Integrators' webhook subscriptions: the published events of some CloudEvents types (or whole
 * categories) POSTed one at a time to a URL, each the same CloudEvents 1.0 JSON the event stream
 * serves (`content-type: application/cloudevents+json`), signed per the Standard Webhooks
 * specification (`webhook-id` is the event id, the same on every retry). Administrators manage all
 * of them, an integrator its own; auditors read them. Instants are ISO strings in UTC.
 */

/** Where they are served, relative to `/api`. */
export const webhookSubscriptionPaths = {
  list: '/webhook-subscriptions',
  eventTypes: '/webhook-subscriptions/event-types',
  one: '/webhook-subscriptions/:id',
  secret: '/webhook-subscriptions/:id/secret',
  rotateSecret: '/webhook-subscriptions/:id/rotate-secret',
  pause: '/webhook-subscriptions/:id/pause',
  resume: '/webhook-subscriptions/:id/resume',
  replay: '/webhook-subscriptions/:id/replay',
  test: '/webhook-subscriptions/:id/test',
  deliveries: '/webhook-subscriptions/:id/deliveries',
} as const;

/** The type of the signed ping `POST …/test` sends: not an event of the log, never delivered otherwise. */
export const WEBHOOK_PING_TYPE = 'io.fieldstream.webhook.ping.v1';

/** How long the previous secret still signs after a rotation, unless the rotation says otherwise. */
export const DEFAULT_PREVIOUS_SECRET_VALID_MINUTES = 24 * 60;
export const MAX_PREVIOUS_SECRET_VALID_MINUTES = 7 * 24 * 60;

export const WEBHOOK_DELIVERY_PAGE_DEFAULT = 50;
export const WEBHOOK_DELIVERY_PAGE_MAX = 200;

/** More pending events than this are shown as "more than": counting further would cost a scan. */
export const WEBHOOK_PENDING_COUNT_CAP = 1000;

const instant = z.string();
const position = z.number().int('A log position is a whole number').min(0, 'A log position is from 0');

/** `POST /api/webhook-subscriptions` and `PUT …/{id}`: the whole of what a subscription is. */
export const webhookSubscriptionBodySchema = z
  .object({
    name: z.string().trim().min(1, 'Give the subscription a name').max(100),
    description: z.string().trim().max(1000).optional(),
    url: z
      .url({ protocol: /^https?$/, error: 'The target is an absolute http(s) URL' })
      .max(2048, 'At most 2048 characters'),
    /** CloudEvents types of the published catalogue (`GET …/event-types`). */
    eventTypes: z.array(z.string().trim().min(1).max(200)).max(200).optional(),
    /** Whole categories: every type they hold, including types added to them later. */
    categories: z.array(z.enum(EVENT_CATEGORY_NAMES)).max(EVENT_CATEGORY_NAMES.length).optional(),
  })
  .strict()
  .refine((body) => (body.eventTypes?.length ?? 0) + (body.categories?.length ?? 0) > 0, {
    path: ['eventTypes'],
    message: 'Subscribe to at least one event type or category',
  });
export type WebhookSubscriptionBody = z.input<typeof webhookSubscriptionBodySchema>;

/** `POST …/{id}/rotate-secret`; the body may be left out. */
export const rotateWebhookSecretBodySchema = z
  .object({
    /** How long calls are signed with the previous secret too (0: it stops at once). */
    previousSecretValidMinutes: z.number().int().min(0).max(MAX_PREVIOUS_SECRET_VALID_MINUTES).optional(),
  })
  .strict();
export type RotateWebhookSecretBody = z.input<typeof rotateWebhookSecretBodySchema>;

/** `POST …/{id}/replay`: a log position, as a number or as the decimal string CloudEvents carry. */
export const replayWebhookBodySchema = z
  .object({
    fromPosition: z.union(
      [
        position.max(Number.MAX_SAFE_INTEGER, 'A log position is below 2^53'),
        z
          .string()
          .regex(/^\d+$/, 'A log position is a whole number from 0')
          .refine((text) => Number.isSafeInteger(Number(text)), 'A log position is below 2^53')
          .transform(Number),
      ],
      { error: 'A log position: a whole number from 0 (or its decimal string), below 2^53' },
    ),
  })
  .strict();
export type ReplayWebhookBody = z.input<typeof replayWebhookBodySchema>;

export const WEBHOOK_SUBSCRIPTION_STATUSES = ['active', 'paused'] as const;

/** `GET /api/webhook-subscriptions?status=&ownerId=`. */
export const webhookSubscriptionListQuerySchema = z
  .object({
    status: z.enum(WEBHOOK_SUBSCRIPTION_STATUSES).optional(),
    ownerId: z.string().min(1).max(200).optional(),
  })
  .strict();

/** How far deliveries have got, as the delivery worker last recorded it. */
export const webhookDeliveryStatusSchema = z.object({
  /** Delivered through this log position (taken, or refused and skipped); null before the first. */
  position: position.nullable(),
  /** The log's last position when this was read. */
  headPosition: position,
  /** Events of the subscription's types after `position`, counted up to the cap. */
  pendingEvents: z.number().int().min(0),
  /** True when there are more pending events than `pendingEvents` says. */
  pendingCapped: z.boolean(),
  consecutiveFailures: z.number().int().min(0),
  /** The first failure since the last success, while failing. */
  failingSince: instant.nullable(),
  lastAttemptAt: instant.nullable(),
  lastSuccessAt: instant.nullable(),
  lastError: z.string().nullable(),
  /** Events taken by the receiver, and refused by it (4xx) and skipped, since the subscription began. */
  delivered: z.number().int().min(0),
  refused: z.number().int().min(0),
});
export type WebhookDeliveryStatus = z.infer<typeof webhookDeliveryStatusSchema>;

export const webhookSubscriptionSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  url: z.string(),
  eventTypes: z.array(z.string()),
  categories: z.array(z.enum(EVENT_CATEGORY_NAMES)),
  status: z.enum(WEBHOOK_SUBSCRIPTION_STATUSES),
  paused: z
    .object({ at: instant, reason: z.enum(['requested', 'receiver-gone']), detail: z.string().nullable() })
    .nullable(),
  /** Set by the delivery worker when the receiver has failed for longer than it allows. */
  failing: z
    .object({
      since: instant,
      markedAt: instant,
      consecutiveFailures: z.number().int(),
      lastError: z.string(),
    })
    .nullable(),
  owner: z.object({
    id: z.string(),
    kind: z.enum(['user', 'api-key']),
    name: z.string(),
    role: z.string(),
  }),
  createdAt: instant,
  updatedAt: instant,
  secretRotatedAt: instant,
  /** While set, calls carry a signature with the previous secret too. */
  previousSecretValidUntil: instant.nullable(),
  lastReplay: z.object({ fromPosition: position, at: instant }).nullable(),
  /** The subscription's version: send it back as `If-Match` to change it only if nobody else did. */
  version: z.number().int().min(1),
  delivery: webhookDeliveryStatusSchema,
});
export type WebhookSubscriptionView = z.infer<typeof webhookSubscriptionSchema>;

export const webhookSubscriptionListSchema = z.object({ subscriptions: z.array(webhookSubscriptionSchema) });
export type WebhookSubscriptionList = z.infer<typeof webhookSubscriptionListSchema>;

/** Creation and rotation answer with the secret: keep it to verify signatures. */
export const webhookSubscriptionWithSecretSchema = webhookSubscriptionSchema.extend({
  /** `whsec_` + base64 of 32 random bytes, as Standard Webhooks writes a secret. */
  secret: z.string(),
});
export type WebhookSubscriptionWithSecret = z.infer<typeof webhookSubscriptionWithSecretSchema>;

/** `GET …/{id}/secret`: for administrators and the subscription's own integrator. */
export const webhookSecretSchema = z.object({
  secret: z.string(),
  secretRotatedAt: instant,
  previousSecretValidUntil: instant.nullable(),
});
export type WebhookSecretView = z.infer<typeof webhookSecretSchema>;

/** What an attempt came to: taken (2xx), failed (tried again), refused (4xx, skipped), gone (410, paused). */
export const WEBHOOK_ATTEMPT_OUTCOMES = ['delivered', 'failed', 'refused', 'gone'] as const;
export type WebhookAttemptOutcome = (typeof WEBHOOK_ATTEMPT_OUTCOMES)[number];

export const webhookDeliveryAttemptSchema = z.object({
  id: z.string(),
  /** An event of the log, or the test ping. */
  kind: z.enum(['event', 'ping']),
  /** The event id: `webhook-id`, the same on every attempt. */
  eventId: z.string(),
  eventType: z.string(),
  /** The stream (CloudEvents `subject`). */
  subject: z.string().nullable(),
  position: position.nullable(),
  /** 1 for the first try of this event (counted again from 1 after a replay). */
  attempt: z.number().int().min(1),
  outcome: z.enum(WEBHOOK_ATTEMPT_OUTCOMES),
  /** The receiver's HTTP status; null when it could not be reached (the error says why). */
  status: z.number().int().nullable(),
  error: z.string().nullable(),
  durationMs: z.number().int().min(0),
  at: instant,
});
export type WebhookDeliveryAttempt = z.infer<typeof webhookDeliveryAttemptSchema>;

/** `GET …/{id}/deliveries?before=&limit=&outcome=&eventId=`: newest first. */
export const webhookDeliveryQuerySchema = z
  .object({
    /** The `next` of the previous page. */
    before: z.string().min(1).max(200).optional(),
    limit: z.coerce.number().int().min(1).max(WEBHOOK_DELIVERY_PAGE_MAX).optional(),
    outcome: z.enum(WEBHOOK_ATTEMPT_OUTCOMES).optional(),
    eventId: z.string().min(1).max(200).optional(),
  })
  .strict();
export type WebhookDeliveryQuery = z.input<typeof webhookDeliveryQuerySchema>;

export const webhookDeliveryPageSchema = z.object({
  deliveries: z.array(webhookDeliveryAttemptSchema),
  /** The `before` of the next (older) page; null at the oldest attempt kept. */
  next: z.string().nullable(),
  status: webhookDeliveryStatusSchema,
  /** Attempts kept per subscription, newest first: older ones are dropped. */
  kept: z.number().int(),
});
export type WebhookDeliveryPage = z.infer<typeof webhookDeliveryPageSchema>;

/** `POST …/{id}/test`: what the receiver made of a signed ping. */
export const webhookTestAnswerSchema = z.object({
  webhookId: z.string(),
  outcome: z.enum(WEBHOOK_ATTEMPT_OUTCOMES),
  status: z.number().int().nullable(),
  error: z.string().nullable(),
  durationMs: z.number().int().min(0),
});
export type WebhookTestAnswer = z.infer<typeof webhookTestAnswerSchema>;

/** `GET …/event-types`: what may be subscribed to, for the type picker. */
export const webhookEventTypesSchema = z.object({
  categories: z.array(
    z.object({
      name: z.enum(EVENT_CATEGORY_NAMES),
      title: z.string(),
      description: z.string(),
      types: z.array(z.object({ type: z.string(), summary: z.string() })),
    }),
  ),
});
export type WebhookEventTypes = z.infer<typeof webhookEventTypesSchema>;
