import { z } from 'zod';

/**
 * Notifications as people meet them: their inbox (`/api/me/notifications`), their own settings
 * (`/api/me/notification-settings`), an escalation to acknowledge
 * (`/api/service-requests/:id/escalation`), and for administrators and auditors the delivery log
 * with its dead letters (`/api/notification-deliveries`). Instants are ISO strings in UTC.
 */

const isoInstant = z.string();
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'A time of day, HH:MM');

export const NOTIFICATION_TOPIC_NAMES = [
  'request-opened',
  'assignment',
  'reschedule',
  'unassignment',
  'renounce',
  'technician-on-the-way',
  'suspension',
  'closure',
  'cancellation',
  'sla-alarm',
  'sla-breach',
  'escalation',
] as const;
export const notificationTopicSchema = z.enum(NOTIFICATION_TOPIC_NAMES);

export const inboxNotificationSchema = z.object({
  notificationId: z.string(),
  topic: notificationTopicSchema,
  severity: z.enum(['info', 'warning', 'critical']),
  title: z.string(),
  body: z.string(),
  requestId: z.string().optional(),
  reference: z.string().optional(),
  receivedAt: isoInstant,
  readAt: isoInstant.nullable(),
  /** An escalation alert: its level, the deadline to acknowledge, and whether someone did. */
  escalation: z
    .object({ level: z.number().int(), acknowledgeBy: isoInstant.optional(), acknowledged: z.boolean() })
    .optional(),
});
export type InboxNotificationView = z.infer<typeof inboxNotificationSchema>;

export const INBOX_PAGE_SIZE = 50;

/** `GET /api/me/notifications?unread=true&before=<receivedAt>`: newest first, a page at a time. */
export const inboxQuerySchema = z
  .object({
    unread: z.enum(['true', 'false']).optional(),
    before: isoInstant.optional(),
    limit: z.coerce.number().int().min(1).max(200).optional(),
  })
  .strict();

export const inboxPageSchema = z.object({
  notifications: z.array(inboxNotificationSchema),
  unreadCount: z.number().int(),
  /** Pass as `before` for the next page; absent on the last one. */
  nextBefore: isoInstant.optional(),
});
export type InboxPage = z.infer<typeof inboxPageSchema>;

/** `POST /api/me/notifications/read`: some, or all of them. */
export const markReadBodySchema = z.union([
  z.object({ notificationIds: z.array(z.string().min(1).max(100)).min(1).max(500) }).strict(),
  z.object({ all: z.literal(true) }).strict(),
]);

/** What `POST /api/me/notifications/read` answers: the ids it marked read now, and what stays unread. */
export const markReadAnswerSchema = z.object({
  read: z.array(z.string()),
  unreadCount: z.number().int(),
});
export type MarkReadAnswer = z.infer<typeof markReadAnswerSchema>;

/** `GET`/`PUT /api/me/notification-settings`: the user's own contact and switches. */
export const notificationSettingsSchema = z
  .object({
    email: z.email().max(254).nullable(),
    /** International form; spaces, dots and dashes are dropped. */
    phone: z.string().max(30).nullable(),
    channels: z.object({ email: z.boolean(), sms: z.boolean(), push: z.boolean() }).strict(),
    quietHours: z.object({ from: clock, to: clock }).strict().nullable(),
    timeZone: z.string().min(1).max(64),
    mutedTopics: z.array(notificationTopicSchema).max(NOTIFICATION_TOPIC_NAMES.length),
  })
  .strict();
export type NotificationSettings = z.infer<typeof notificationSettingsSchema>;

/** `GET /api/service-requests/:id/escalation`: the levels raised, by whom acknowledged. */
export const requestEscalationSchema = z.object({
  requestId: z.string(),
  chainCode: z.string().nullable(),
  levels: z.array(
    z.object({
      level: z.number().int(),
      percent: z.number(),
      clock: z.enum(['response', 'restoration']),
      cause: z.enum(['threshold', 'unacknowledged']),
      alertedAt: isoInstant,
      recipients: z.array(z.object({ userId: z.string(), displayName: z.string() })),
      channels: z.array(z.string()),
      acknowledgeBy: isoInstant.optional(),
      acknowledged: z
        .object({ at: isoInstant, userId: z.string(), displayName: z.string(), note: z.string().optional() })
        .nullable(),
    }),
  ),
  /** Whether the reader may acknowledge now (alerted to them, or desk/management, and something is open). */
  canAcknowledge: z.boolean(),
});
export type RequestEscalation = z.infer<typeof requestEscalationSchema>;

/** `POST /api/service-requests/:id/escalation/acknowledge`. */
export const acknowledgeEscalationBodySchema = z
  .object({ note: z.string().trim().max(500).optional() })
  .strict();

export const DELIVERY_STATUSES = ['pending', 'sent', 'dead'] as const;

/** `GET /api/notification-deliveries?status&channel&userId&requestId&before`: the delivery log. */
export const deliveryLogQuerySchema = z
  .object({
    status: z.enum(DELIVERY_STATUSES).optional(),
    channel: z.enum(['email', 'sms', 'push', 'webhook']).optional(),
    userId: z.string().max(100).optional(),
    requestId: z.string().max(100).optional(),
    before: isoInstant.optional(),
    limit: z.coerce.number().int().min(1).max(500).optional(),
  })
  .strict();

export const deliveryLogEntrySchema = z.object({
  deliveryId: z.string(),
  channel: z.enum(['email', 'sms', 'push', 'webhook']),
  status: z.enum(DELIVERY_STATUSES),
  userId: z.string(),
  userName: z.string(),
  address: z.string(),
  topic: notificationTopicSchema,
  subject: z.string(),
  requestId: z.string().optional(),
  reference: z.string().optional(),
  scheduledAt: isoInstant,
  notBefore: isoInstant,
  attempts: z.array(
    z.object({
      attempt: z.number().int(),
      at: isoInstant,
      outcome: z.enum(['sent', 'failed']),
      error: z.string().optional(),
    }),
  ),
  lastError: z.string().optional(),
  sentAt: isoInstant.optional(),
});
export type DeliveryLogEntry = z.infer<typeof deliveryLogEntrySchema>;

export const deliveryLogPageSchema = z.object({
  deliveries: z.array(deliveryLogEntrySchema),
  counts: z.object({ pending: z.number().int(), sent: z.number().int(), dead: z.number().int() }),
  nextBefore: isoInstant.optional(),
});
export type DeliveryLogPage = z.infer<typeof deliveryLogPageSchema>;
