import type { ExternalChannel } from '@fieldstream/domain';

/** One message on its way out: the delivery's id travels with it so a receiver can de-duplicate. */
export type OutboundMessage = {
  deliveryId: string;
  to: string;
  subject: string;
  text: string;
};

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
