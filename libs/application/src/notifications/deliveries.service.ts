import {
  DELIVERY_STREAM_PREFIX,
  type DeliveryRequest,
  type DeliveryState,
  type Principal,
  deliveryDecider,
  deliveryStreamName,
} from '@fieldstream/domain';
import type { EventStore } from '@fieldstream/event-store';
import { systemContext } from '../commands/command-context';
import { executeCommand, loadStream } from '../commands/execute-command';
import { ForbiddenError } from '../errors';
import { foldStreamsByPrefix } from '../sagas/fold-streams';
import { type ChannelSenders, type DeliveryTimers, PermanentDeliveryError } from './channel-senders';

export interface DeliveriesOptions {
  events: EventStore;
  senders: ChannelSenders;
  timers: DeliveryTimers;
  /** Attempts before a delivery is given up (dead-letter); the job's own retries count them. */
  maxAttempts: number;
  now?: () => Date;
}

/**
 * Messages through the outside channels: scheduled once per (event, recipient, channel), sent by
 * a job that re-reads the delivery first (a delivery already sent is not sent again), retried with
 * back-off by BullMQ until sent or given up; every attempt is in the delivery's stream, which is
 * the log an auditor reads and the dead-letter view an administrator works from.
 */
export class Deliveries {
  private readonly now: () => Date;

  constructor(private readonly options: DeliveriesOptions) {
    this.now = options.now ?? (() => new Date());
  }

  /** Closes the senders' connections (the worker stopping). */
  async close(): Promise<void> {
    await Promise.all(Object.values(this.options.senders).map((sender) => sender?.close?.()));
  }

  /** Whether this installation reaches people through a channel (its sender is configured). */
  supports(channel: DeliveryRequest['channel']): boolean {
    return this.options.senders[channel] !== undefined;
  }

  async schedule(request: DeliveryRequest, correlationId: string): Promise<void> {
    const outcome = await executeCommand(
      this.options.events,
      deliveryStreamName(request.deliveryId),
      deliveryDecider,
      { type: 'schedule', at: this.now().toISOString(), request },
      { ...systemContext(this.now().toISOString(), correlationId), idempotencyKey: 'schedule' },
    );
    // Also when it was scheduled before (a repeat): its job may be what was lost.
    if (outcome.state.status === 'pending')
      await this.options.timers.set(request.deliveryId, new Date(request.notBefore));
  }

  /** One attempt, as the job's `attempt`-th run: throws to have BullMQ retry it later. */
  async attempt(deliveryId: string, attempt: number): Promise<DeliveryState['status']> {
    const stream = deliveryStreamName(deliveryId);
    const { state } = await loadStream(this.options.events, stream, deliveryDecider);
    if (state.status !== 'pending' || !state.request) return state.status;
    const request = state.request;
    const record = (command: Parameters<typeof deliveryDecider.decide>[0]) =>
      executeCommand(
        this.options.events,
        stream,
        deliveryDecider,
        command,
        systemContext(this.now().toISOString(), `delivery-${deliveryId}`),
      );
    const sender = this.options.senders[request.channel];
    // Counted across requeues: the stream knows how many attempts this round already made.
    const round = state.attempts + 1;
    if (!sender) {
      await record({
        type: 'recordFailure',
        at: this.now().toISOString(),
        attempt: round,
        error: `The ${request.channel} channel is not configured on this installation`,
        lastAttempt: true,
      });
      return 'dead';
    }
    try {
      const sent = await sender.send({
        deliveryId,
        to: request.address,
        subject: request.subject,
        text: request.body,
        userId: request.userId,
        topic: request.topic,
        ...(request.requestId && { requestId: request.requestId }),
        ...(request.link && { link: request.link }),
      });
      await record({
        type: 'recordSent',
        at: this.now().toISOString(),
        attempt: round,
        ...(sent.providerMessageId && { providerMessageId: sent.providerMessageId }),
      });
      return 'sent';
    } catch (error) {
      const lastAttempt = attempt >= this.options.maxAttempts || error instanceof PermanentDeliveryError;
      await record({
        type: 'recordFailure',
        at: this.now().toISOString(),
        attempt: round,
        error: error instanceof Error ? error.message : String(error),
        lastAttempt,
      });
      if (lastAttempt) return 'dead';
      throw error;
    }
  }

  /** An administrator sends a dead delivery again (after fixing an address or the gateway). */
  async requeue(principal: Principal, deliveryId: string): Promise<void> {
    if (principal.role !== 'admin') throw new ForbiddenError('Only an administrator sends a delivery again');
    const at = this.now().toISOString();
    await executeCommand(
      this.options.events,
      deliveryStreamName(deliveryId),
      deliveryDecider,
      { type: 'requeue', at, by: principal.id },
      { actor: principal, at, correlationId: `requeue-${deliveryId}` },
    );
    await this.options.timers.set(deliveryId, this.now());
  }

  /** Sets the job of every delivery still pending, from the streams (Redis may have lost them). */
  async rederive(): Promise<number> {
    const deliveries = await foldStreamsByPrefix(
      this.options.events,
      DELIVERY_STREAM_PREFIX,
      deliveryDecider,
    );
    // A requeued delivery's time has passed: it is due at once, as when it was requeued.
    const pending = [...deliveries]
      .filter(([, state]) => state.status === 'pending' && state.request)
      .map(([deliveryId, state]) => [deliveryId, state.request!.notBefore] as const);
    for (const [deliveryId, notBefore] of pending)
      await this.options.timers.set(deliveryId, new Date(notBefore));
    return pending.length;
  }
}
