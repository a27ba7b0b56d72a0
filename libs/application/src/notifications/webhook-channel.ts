import type { NotificationWebhookPayload } from '@fieldstream/api-contract';
import {
  type NotificationWebhook,
  notificationEndpointsDecider,
  notificationEndpointsStreamName,
} from '@fieldstream/domain';
import type { EventStore } from '@fieldstream/event-store';
import { loadStream } from '../commands/execute-command';
import { type ChannelSender, type OutboundMessage, PermanentDeliveryError } from './channel-senders';

/**
 * One signed POST (Standard Webhooks): resolves when the receiver answered 2xx, throws
 * PermanentDeliveryError when it refused for good (a 4xx other than 408/429), else throws.
 */
export interface WebhookTransport {
  post(webhook: NotificationWebhook, messageId: string, timestamp: Date, body: string): Promise<void>;
}

/**
 * The user's own webhook, with the URL and secret it has when the delivery is sent (a secret
 * rotated meanwhile signs it). `webhook-id` is the delivery's id on every attempt: the receiver
 * de-duplicates by it.
 */
export class WebhookChannel implements ChannelSender {
  constructor(
    private readonly events: EventStore,
    private readonly transport: WebhookTransport,
    /** The desk's public address, for links back to the request; none when unknown. */
    private readonly publicUrl: string | null,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async send(message: OutboundMessage): Promise<{ providerMessageId?: string }> {
    const { state } = await loadStream(
      this.events,
      notificationEndpointsStreamName(message.userId),
      notificationEndpointsDecider,
    );
    if (!state.webhook) throw new PermanentDeliveryError('This user has removed their webhook');
    const timestamp = this.now();
    const payload: NotificationWebhookPayload = {
      type: `notification.${message.topic}`,
      timestamp: timestamp.toISOString(),
      data: {
        deliveryId: message.deliveryId,
        userId: message.userId,
        topic: message.topic,
        title: message.subject,
        body: message.text,
        ...(message.requestId && { requestId: message.requestId }),
        ...(message.link && this.publicUrl && { link: new URL(message.link, this.publicUrl).toString() }),
      },
    };
    await this.transport.post(state.webhook, message.deliveryId, timestamp, JSON.stringify(payload));
    return {};
  }
}
