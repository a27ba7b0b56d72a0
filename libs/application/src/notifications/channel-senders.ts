import type { ExternalChannel, NotificationTopic } from '@fieldstream/domain';

/** One message on its way out: the delivery's id travels with it so a receiver can de-duplicate. */
export type OutboundMessage = {
  deliveryId: string;
  /** The address as scheduled (a mailbox, a phone number, a webhook's URL, a user's browsers). */
  to: string;
  subject: string;
  text: string;
  /** The recipient: push and webhooks find the user's current devices and secret by it. */
  userId: string;
  topic: NotificationTopic;
  requestId?: string;
  /** The desk path the recipient opens it at (`/app/requests/…`, a technician's or customer's own). */
  link?: string;
};

/**
 * A refusal that trying again will not change (the receiver said the address is wrong, the user
 * has no device left): the delivery is given up at once instead of retried for hours.
 */
export class PermanentDeliveryError extends Error {
  override readonly name = 'PermanentDeliveryError';
}

/** A channel's sender (SMTP, an SMS gateway...): resolves once the provider took the message. */
export interface ChannelSender {
  send(message: OutboundMessage): Promise<{ providerMessageId?: string }>;
  /** Lets go of pooled connections, when the process stops. */
  close?(): void | Promise<void>;
}

/** The channels this installation can use; one left out is not configured. */
export type ChannelSenders = Partial<Record<ExternalChannel, ChannelSender>>;

/** The timers that wake a delivery up (at its time, then on each retry). */
export interface DeliveryTimers {
  set(deliveryId: string, at: Date): Promise<void>;
}
