import type {
  EscalationAlert,
  ExternalChannel,
  NotificationSeverity,
  NotificationTopic,
} from '@fieldstream/domain';
import type { ReadDocument } from '@fieldstream/read-store';

/** One document per notification in a user's inbox (`inbox-<userId>` streams). */
export const INBOX_NOTIFICATIONS_COLLECTION = 'inbox_notifications';
/** One document per outside delivery (`notification-delivery-<deliveryId>` streams): the delivery log. */
export const NOTIFICATION_DELIVERIES_COLLECTION = 'notification_deliveries';
/** One document per escalated request (`request-escalation-<requestId>` streams). */
export const REQUEST_ESCALATIONS_COLLECTION = 'request_escalations';

/** Keyed by user too: a notification's id is only unique within its inbox. */
export const inboxDocumentId = (userId: string, notificationId: string) => `${userId}:${notificationId}`;

export type InboxNotificationDocument = ReadDocument & {
  _id: string;
  notificationId: string;
  userId: string;
  topic: NotificationTopic;
  severity: NotificationSeverity;
  title: string;
  body: string;
  requestId?: string;
  reference?: string;
  sourceEventId: string;
  /**
   * An escalation alert: its level and the deadline to acknowledge it. Whether someone did is the
   * request's escalation's (request_escalations), joined when read: an acknowledgement covers every
   * recipient's copy at once.
   */
  escalation?: { level: number; acknowledgeBy?: string };
  receivedAt: string;
  /** Null while unread (so `{ readAt: null }` finds the unread ones by the index). */
  readAt: string | null;
  /** Global position of the last event applied. */
  lastPosition: number;
};

export type DeliveryAttemptView = {
  attempt: number;
  at: string;
  outcome: 'sent' | 'failed';
  error?: string;
  providerMessageId?: string;
};

export type NotificationDeliveryDocument = ReadDocument & {
  _id: string;
  deliveryId: string;
  channel: ExternalChannel;
  status: 'pending' | 'sent' | 'dead';
  userId: string;
  address: string;
  topic: NotificationTopic;
  subject: string;
  requestId?: string;
  reference?: string;
  sourceEventId: string;
  scheduledAt: string;
  notBefore: string;
  /** Every attempt in order; numbering starts again at 1 after a requeue (a new round). */
  attempts: DeliveryAttemptView[];
  /** The last failure's error while no later attempt got through. */
  lastError?: string;
  sentAt?: string;
  /** When it was last given up (a dead letter). */
  deadAt?: string;
  /** Each time an administrator sent it again. */
  requeues: { at: string; by: string }[];
  lastPosition: number;
  updatedAt: string;
};

export type EscalationLevelView = Pick<
  EscalationAlert,
  'chainCode' | 'level' | 'percent' | 'clock' | 'audiences' | 'recipients' | 'channels' | 'cause'
> & {
  alertedAt: string;
  acknowledgeBy?: string;
  acknowledged: { at: string; userId: string; note?: string } | null;
};

export type RequestEscalationDocument = ReadDocument & {
  _id: string;
  requestId: string;
  /** The chain of the latest level alerted. */
  chainCode: string;
  levels: EscalationLevelView[];
  /** A level alerted and not acknowledged yet. */
  open: boolean;
  /** Everyone any level alerted, once each (who may acknowledge besides the desk). */
  alerted: string[];
  lastPosition: number;
  updatedAt: string;
};
