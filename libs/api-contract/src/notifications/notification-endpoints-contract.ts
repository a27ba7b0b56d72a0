import { z } from 'zod';

/**
 * Where the signed-in user's notifications reach them besides their inbox, mailbox and phone:
 * the browsers they let receive push notifications (`/api/me/push-devices`), and their own signed
 * webhook (`/api/me/notification-webhook`). Instants are ISO strings in UTC.
 */

const isoInstant = z.string();
/** Base64url without padding, as `PushSubscription.toJSON()` gives the keys (the desk reads this too: no Buffer). */
const base64url = (bytes: number, what: string) =>
  z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/, `${what} is base64url`)
    .refine((value) => value.length === Math.ceil((bytes * 4) / 3), `${what} is ${bytes} bytes`);

/** `POST /api/me/push-devices`: a `PushSubscription` as the browser's `toJSON()` gives it, and a name for it. */
export const registerPushDeviceBodySchema = z
  .object({
    endpoint: z
      .url({ protocol: /^https?$/, error: 'The endpoint is the push service URL the browser gave' })
      .max(2048),
    /** Ignored: the push service decides when a subscription ends. */
    expirationTime: z.number().nullable().optional(),
    keys: z
      .object({
        /** The browser's P-256 public key, uncompressed (65 bytes). */
        p256dh: base64url(65, 'p256dh'),
        auth: base64url(16, 'auth'),
      })
      .strict(),
    label: z.string().trim().min(1).max(80).optional(),
  })
  .strict();
export type RegisterPushDeviceBody = z.infer<typeof registerPushDeviceBodySchema>;

export const pushDeviceSchema = z.object({
  deviceId: z.string(),
  label: z.string(),
  /** The push service's host (fcm.googleapis.com, updates.push.services.mozilla.com...). */
  pushService: z.string(),
  registeredAt: isoInstant,
});
export type PushDeviceView = z.infer<typeof pushDeviceSchema>;

/** `GET /api/me/push-devices`: the key to subscribe with, and the devices subscribed. */
export const pushDevicesSchema = z.object({
  /** The server's VAPID public key (base64url), the `applicationServerKey` to subscribe with. */
  publicKey: z.string(),
  devices: z.array(pushDeviceSchema),
  /** A user reaches this many browsers at most; registering one more lets the oldest go. */
  maxDevices: z.number().int(),
});
export type PushDevices = z.infer<typeof pushDevicesSchema>;

/** `PUT /api/me/notification-webhook`: where to POST. The secret is the server's to make. */
export const setNotificationWebhookBodySchema = z
  .object({ url: z.url({ protocol: /^https?$/, error: 'An http(s) URL' }).max(2048) })
  .strict();

/**
 * The user's webhook: each notification is POSTed as JSON and signed per the Standard Webhooks
 * specification (`webhook-id`, `webhook-timestamp`, `webhook-signature` headers) with `secret`.
 */
export const notificationWebhookSchema = z.object({
  url: z.string(),
  secret: z.string(),
  createdAt: isoInstant,
  secretRotatedAt: isoInstant,
});
export type NotificationWebhookView = z.infer<typeof notificationWebhookSchema>;

/** `GET /api/me/notification-webhook`. */
export const notificationWebhookAnswerSchema = z.object({ webhook: notificationWebhookSchema.nullable() });
export type NotificationWebhookAnswer = z.infer<typeof notificationWebhookAnswerSchema>;

/**
 * The body each webhook call carries (Standard Webhooks' recommended `type`, `timestamp`, `data`):
 * `webhook-id` is the delivery's id, the same on every retry, for the receiver to de-duplicate.
 */
export const notificationWebhookPayloadSchema = z.object({
  type: z.string(),
  timestamp: isoInstant,
  data: z.object({
    deliveryId: z.string(),
    userId: z.string(),
    topic: z.string(),
    title: z.string(),
    body: z.string(),
    requestId: z.string().optional(),
    /** The request's page in the desk, when PUBLIC_URL is set. */
    link: z.string().optional(),
  }),
});
export type NotificationWebhookPayload = z.infer<typeof notificationWebhookPayloadSchema>;

/** What the desk's service worker receives in a push message (JSON, encrypted by the server). */
export const pushMessageSchema = z.object({
  title: z.string(),
  body: z.string(),
  /** The delivery's id: the same message pushed again replaces its notification instead of adding one. */
  tag: z.string(),
  topic: z.string(),
  /** Where a click on the notification goes, within the desk. */
  url: z.string(),
});
export type PushMessage = z.infer<typeof pushMessageSchema>;
