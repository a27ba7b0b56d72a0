import type { PushMessage } from '@fieldstream/api-contract';
import {
  type PushDevice,
  URGENT_TOPICS,
  notificationEndpointsDecider,
  notificationEndpointsStreamName,
} from '@fieldstream/domain';
import type { EventStore } from '@fieldstream/event-store';
import { systemContext } from '../commands/command-context';
import { executeCommand, loadStream } from '../commands/execute-command';
import { type ChannelSender, type OutboundMessage, PermanentDeliveryError } from './channel-senders';

/** How one push to one browser went: taken by its push service, or the subscription is gone. */
export type PushOutcome = 'accepted' | 'gone';

export type PushOptions = {
  /** Replaces a message not yet delivered under the same topic (a device that was offline). */
  topic: string;
  ttlSeconds: number;
  urgency: 'normal' | 'high';
};

/**
 * The Web Push protocol (RFC 8030/8291/8292): "gone" when the push service no longer knows the
 * subscription; throws PermanentDeliveryError when it refused the message for good, else throws.
 */
export interface PushTransport {
  push(device: PushDevice, payload: string, options: PushOptions): Promise<PushOutcome>;
}

/** A push message waits at the push service this long for a device that is off. */
const TTL_SECONDS = 24 * 3600;
/** The payload is encrypted into a record of 4 KiB at most; the text is cut well before. */
const MAX_BODY_CHARS = 1_000;

/**
 * Web push to every browser the user subscribed when the delivery is sent (not when it was
 * scheduled: a device added meanwhile gets it, a removed one does not). Sent once a push service
 * took it for at least one device; a device its push service calls gone is removed; a retry
 * pushes again to all, and the browser shows a message of the same tag once.
 */
export class PushChannel implements ChannelSender {
  constructor(
    private readonly events: EventStore,
    private readonly transport: PushTransport,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async send(message: OutboundMessage): Promise<{ providerMessageId?: string }> {
    const stream = notificationEndpointsStreamName(message.userId);
    const { state } = await loadStream(this.events, stream, notificationEndpointsDecider);
    if (state.devices.length === 0)
      throw new PermanentDeliveryError('No browser of this user receives push notifications any more');
    const payload: PushMessage = {
      title: message.subject,
      body: message.text.slice(0, MAX_BODY_CHARS),
      tag: message.deliveryId,
      topic: message.topic,
      url: message.link ?? '/app/inbox',
    };
    const options: PushOptions = {
      // A topic is at most 32 base64url characters: the delivery's id without its dashes.
      topic: message.deliveryId.replace(/-/g, '').slice(0, 32),
      ttlSeconds: TTL_SECONDS,
      urgency: URGENT_TOPICS.has(message.topic) ? 'high' : 'normal',
    };
    const outcomes = await Promise.allSettled(
      state.devices.map((device) => this.transport.push(device, JSON.stringify(payload), options)),
    );
    let accepted = 0;
    const failures: string[] = [];
    let retryable = false;
    for (const [index, outcome] of outcomes.entries()) {
      const device = state.devices[index]!;
      if (outcome.status === 'rejected') {
        failures.push(`${device.label}: ${errorText(outcome.reason)}`);
        if (!(outcome.reason instanceof PermanentDeliveryError)) retryable = true;
      } else if (outcome.value === 'gone') {
        await executeCommand(
          this.events,
          stream,
          notificationEndpointsDecider,
          {
            type: 'removePushDevice',
            userId: message.userId,
            deviceId: device.deviceId,
            at: this.now().toISOString(),
            reason: 'expired',
          },
          systemContext(this.now().toISOString(), `delivery-${message.deliveryId}`),
        );
      } else {
        accepted++;
      }
    }
    if (accepted > 0) {
      const of = state.devices.length;
      return { providerMessageId: `${accepted} of ${of} device${of === 1 ? '' : 's'}` };
    }
    if (failures.length === 0)
      throw new PermanentDeliveryError('Every browser of this user has unsubscribed (push service: gone)');
    // Retried while one of them may yet take it; given up when each refused for good.
    if (retryable) throw new Error(failures.join('; '));
    throw new PermanentDeliveryError(failures.join('; '));
  }
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));
