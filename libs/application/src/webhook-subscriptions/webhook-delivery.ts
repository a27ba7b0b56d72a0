import { CLOUDEVENTS_CONTENT_TYPE, type WebhookAttemptOutcome } from '@fieldstream/api-contract';
import {
  WEBHOOK_SUBSCRIPTION_EVENT_TYPES,
  type WebhookSubscription,
  type WebhookSubscriptionCommand,
  type WebhookSubscriptionEvent,
  signingSecretsAt,
  webhookSubscriptionDecider,
  webhookSubscriptionStreamName,
} from '@fieldstream/domain';
import type { EventStore, RecordedEvent } from '@fieldstream/event-store';
import { systemContext } from '../commands/command-context';
import { executeCommand } from '../commands/execute-command';
import type { PublishedEventType } from '../event-stream/published-event-type';
import { toCloudEvent } from '../event-stream/to-cloud-event';
import { type RetrySettings, retryDelay } from './retry-delay';
import { subscribedEvents } from './subscribed-events';
import {
  type WebhookDeliveryRecords,
  type WebhookDeliveryStatusDocument,
  freshDeliveryStatus,
} from './webhook-delivery-records';
import { type WebhookPoster, describeAnswer, outcomeOf } from './webhook-poster';

export interface WebhookDeliverySettings extends RetrySettings {
  /** Failing without a success this long marks the subscription failing. */
  failingAfterMs: number;
  /** Streams delivered side by side. */
  concurrency: number;
}

/** A subscription as the dispatcher last folded it, with the position of its creation. */
export interface DeliveredSubscription {
  subscription: WebhookSubscription;
  /** Deliveries begin after the event that created it (a replay may reach further back). */
  startPosition: number;
  /** Events of its stream folded into `subscription`. */
  version: number;
}

/** What a delivery is started for: a change of it (types, categories, a replay) starts it again. */
export function deliveryKeyOf(subscription: WebhookSubscription): string {
  return JSON.stringify([subscription.eventTypes, subscription.categories, subscription.replays]);
}

export interface WebhookDeliveryDependencies {
  events: EventStore;
  records: WebhookDeliveryRecords;
  poster: WebhookPoster;
  settings: WebhookDeliverySettings;
  now: () => Date;
  random: () => number;
  log: { warn(message: string): void; error(message: string): void };
}

/** The status is saved at most this often while events flow, and whenever the run stops. */
const SAVE_EVERY_MS = 250;
/** Events read ahead of the deliveries, at most, per stream delivered side by side. */
const READ_AHEAD_PER_STREAM = 32;
/** After the store failed, the run follows the log again after this wait, doubled up to the longest. */
const RESTART_DELAY_MS = { first: 500, longest: 30_000 };

type EventOutcome = 'done' | 'stopped';

/**
 * One subscription's deliveries while this worker holds its lease: follows the published log from
 * the subscription's own position and POSTs each event of its types, signed, as CloudEvents JSON.
 *
 * - **Order per stream**: a stream's next event is sent only once the previous one was taken (or
 *   refused); different streams go side by side, up to `concurrency`.
 * - **At least once**: the position moves past an event only once it and every event before it
 *   were taken or refused, so a crash sends some again, with the same `webhook-id` (the event id).
 * - **Retries** for ever, with back-off and jitter: a receiver down for hours is caught up when it
 *   returns; a 4xx refusal (not 408/429) is logged and skipped; 410 Gone pauses the subscription.
 * - After `failingAfterMs` of failures without a success the subscription is marked failing
 *   (a command on its stream), and recovered at the next success.
 *
 * `current()` is read at each attempt, so a new URL or secret applies to the next call; a change of
 * types, a replay, a pause or the loss of the lease is the dispatcher's to act on (it stops runs).
 */
export class WebhookDelivery {
  private readonly stopping = new AbortController();
  private readonly calls = new AbortController();
  /** Ends one pass of `follow`: the run stopping, or a failure that makes it follow again. */
  private round = new AbortController();
  private running: Promise<void> | undefined;
  private status: WebhookDeliveryStatusDocument | undefined;
  private unsaved = false;
  private savedAt = 0;
  /** A failing mark or recovery asked for and not yet seen back in `current()`. */
  private failingMarked: boolean | undefined;
  private lastError: string | undefined;

  constructor(
    private readonly dependencies: WebhookDeliveryDependencies,
    readonly subscriptionId: string,
    private readonly current: () => DeliveredSubscription | undefined,
  ) {}

  start(): void {
    this.running ??= this.loop();
  }

  /**
   * Stops taking events and cancels the waits between retries; `abortCalls` also cancels the calls
   * in flight (the lease was lost, the worker stops), else they finish. Resolves once the position
   * reached is saved.
   */
  async stop(options: { abortCalls: boolean }): Promise<void> {
    this.stopping.abort();
    if (options.abortCalls) this.calls.abort();
    await this.running;
  }

  health(): { subscriptionId: string; after: number | null; lastError?: string } {
    return {
      subscriptionId: this.subscriptionId,
      after: this.status?.after ?? null,
      ...(this.lastError && { lastError: this.lastError }),
    };
  }

  private get stopped(): boolean {
    return this.stopping.signal.aborted;
  }

  /** This pass is over: the run stops, or a failure has it follow again from the saved position. */
  private get halted(): boolean {
    return this.round.signal.aborted;
  }

  private async loop(): Promise<void> {
    let delay = RESTART_DELAY_MS.first;
    while (!this.stopped) {
      try {
        await this.follow();
        return;
      } catch (error) {
        this.lastError = error instanceof Error ? error.message : String(error);
        this.dependencies.log.error(
          `Webhook subscription ${this.subscriptionId}: following again in ${delay} ms after ${this.lastError}`,
        );
        await this.sleep(delay, this.stopping.signal);
        delay = Math.min(delay * 2, RESTART_DELAY_MS.longest);
      }
    }
  }

  /** Where delivery resumes: the saved position, or the last replay's when one is not applied yet. */
  private async resumePosition(delivered: DeliveredSubscription): Promise<WebhookDeliveryStatusDocument> {
    const { records, now } = this.dependencies;
    const saved = await records.status(this.subscriptionId);
    const status =
      saved ?? freshDeliveryStatus(this.subscriptionId, delivered.startPosition, now().toISOString());
    const subscription = delivered.subscription;
    if (status.replaysApplied < subscription.replays && subscription.lastReplay) {
      const from = subscription.lastReplay.fromPosition;
      status.after = from > 0 ? from - 1 : null;
      status.replaysApplied = subscription.replays;
      status.updatedAt = now().toISOString();
      await records.saveStatus(status);
    } else if (!saved) {
      await records.saveStatus(status);
    }
    return status;
  }

  private async follow(): Promise<void> {
    const delivered = this.current();
    if (!delivered || delivered.subscription.status !== 'active') return;
    this.round = new AbortController();
    const round = this.round;
    const endRound = () => round.abort();
    this.stopping.signal.addEventListener('abort', endRound, { once: true });
    this.status = await this.resumePosition(delivered);
    const status = this.status;
    const selection = subscribedEvents(delivered.subscription);
    // The subscription's own stream is followed too, in the same log order as the events: a pause,
    // a deletion or a change recorded before an event is seen before that event, never after it.
    const ownStream = webhookSubscriptionStreamName(this.subscriptionId);
    const deliveryKey = deliveryKeyOf(delivered.subscription);
    let own = delivered.subscription;
    const subscription = this.dependencies.events.subscribeToAll({
      ...(status.after !== null && { after: status.after }),
      streamPrefixes: [...selection.streamPrefixes, ownStream],
      ...(selection.eventTypes && {
        eventTypes: [...selection.eventTypes, ...WEBHOOK_SUBSCRIPTION_EVENT_TYPES],
      }),
      signal: round.signal,
    });
    const idleSaver = setInterval(() => void this.save().catch(() => undefined), SAVE_EVERY_MS);
    const concurrency = this.dependencies.settings.concurrency;
    const readAhead = concurrency * READ_AHEAD_PER_STREAM;
    // The position passes an event only once every event before it is done (as the sagas' LogFollower).
    const waiting: number[] = [];
    const finished = new Set<number>();
    const chains = new Map<string, Promise<EventOutcome>>();
    const running = new Set<Promise<EventOutcome>>();
    let failure: { error: unknown } | undefined;
    const advance = () => {
      while (waiting.length > 0 && finished.has(waiting[0]!)) {
        const position = waiting.shift()!;
        finished.delete(position);
        status.after = position;
        this.unsaved = true;
      }
    };
    try {
      for await (const recorded of subscription) {
        if (this.halted) break;
        if (recorded.streamName === ownStream) {
          waiting.push(recorded.position);
          finished.add(recorded.position);
          advance();
          // Changes the dispatcher already knew of when it started this delivery are in `own`.
          if (recorded.revision < delivered.version) continue;
          const event = { type: recorded.type, data: recorded.data } as unknown as WebhookSubscriptionEvent;
          own = webhookSubscriptionDecider.evolve({ subscription: own }, event).subscription ?? own;
          // Nothing recorded after a pause (or a change of what is sent) goes out from this delivery:
          // the events before it finish, and the dispatcher stops or starts it again.
          if (own.status !== 'active' || deliveryKeyOf(own) !== deliveryKey) break;
          continue;
        }
        const type = selection.pick(recorded);
        waiting.push(recorded.position);
        if (type === undefined) {
          // Another type of the same streams: nothing to send, but the position may pass it.
          finished.add(recorded.position);
          advance();
          continue;
        }
        const stream = recorded.streamName;
        // A new stream waits for a free place; a stream already in flight queues behind itself.
        while (
          !this.halted &&
          (running.size >= readAhead || (!chains.has(stream) && chains.size >= concurrency))
        )
          await Promise.race(running);
        if (this.halted) break;
        const previous = chains.get(stream) ?? Promise.resolve<EventOutcome>('done');
        const task = previous
          .then((before) => (before === 'done' ? this.deliverEvent(recorded, type) : before))
          .then(
            (outcome) => {
              if (outcome === 'done') {
                finished.add(recorded.position);
                advance();
              }
              return outcome;
            },
            (error: unknown): EventOutcome => {
              // A store that failed us: this pass ends, and the run follows again from the saved position.
              failure ??= { error };
              round.abort();
              return 'stopped';
            },
          );
        chains.set(stream, task);
        running.add(task);
        void task.finally(() => {
          running.delete(task);
          if (chains.get(stream) === task) chains.delete(stream);
        });
        if (Date.now() - this.savedAt >= SAVE_EVERY_MS) await this.save();
      }
      await Promise.allSettled(running);
      if (failure) throw failure.error;
    } finally {
      await Promise.allSettled(running);
      clearInterval(idleSaver);
      this.stopping.signal.removeEventListener('abort', endRound);
      await subscription.close();
      await this.save(true);
    }
    this.lastError = undefined;
  }

  /** Tries one event until it is taken or refused, or the run stops. */
  private async deliverEvent(recorded: RecordedEvent, type: PublishedEventType): Promise<EventOutcome> {
    const { poster, records, now, settings } = this.dependencies;
    const body = JSON.stringify(toCloudEvent(recorded, type));
    for (let attempt = 1; ; attempt++) {
      if (this.halted) return 'stopped';
      const delivered = this.current();
      if (!delivered || delivered.subscription.status !== 'active') return 'stopped';
      const subscription = delivered.subscription;
      const sentAt = now();
      const answer = await poster.post({
        url: subscription.url,
        secrets: signingSecretsAt(subscription, sentAt),
        messageId: recorded.id,
        timestamp: sentAt,
        body,
        contentType: CLOUDEVENTS_CONTENT_TYPE,
        signal: this.calls.signal,
      });
      // A call given up by us, not by the receiver: it is sent again by whoever delivers next.
      if (answer.status === null && this.calls.signal.aborted) return 'stopped';
      const outcome = outcomeOf(answer);
      const at = sentAt.toISOString();
      const error = outcome === 'delivered' ? null : describeAnswer(answer);
      await records.recordAttempt({
        subscriptionId: this.subscriptionId,
        kind: 'event',
        eventId: recorded.id,
        eventType: type.cloudEventType,
        subject: recorded.streamName,
        position: recorded.position,
        attempt,
        outcome,
        status: answer.status,
        error,
        durationMs: answer.durationMs,
        at,
      });
      await this.count(outcome, at, error, subscription);
      if (outcome === 'delivered' || outcome === 'refused') return 'done';
      if (outcome === 'gone') {
        // The receiver asked to stop: the subscription is paused, and this event waits for its
        // resumption (the dispatcher ends the run when it sees the pause).
        const paused = await this.command({
          type: 'pause',
          reason: 'receiver-gone',
          detail: error ?? 'answered 410',
          at,
        });
        if (paused) {
          this.stopping.abort();
          return 'stopped';
        }
      }
      await this.sleep(retryDelay(attempt, settings, this.dependencies.random), this.round.signal);
    }
  }

  /** The subscription's counters and its failing mark, after one attempt. */
  private async count(
    outcome: WebhookAttemptOutcome,
    at: string,
    error: string | null,
    subscription: WebhookSubscription,
  ): Promise<void> {
    const status = this.status!;
    status.lastAttemptAt = at;
    status.updatedAt = at;
    this.unsaved = true;
    const failing = this.failingMarked ?? subscription.failing !== null;
    if (outcome === 'failed') {
      status.consecutiveFailures += 1;
      status.failingSince ??= at;
      status.lastError = error;
      const failingFor = Date.parse(at) - Date.parse(status.failingSince);
      if (!failing && failingFor >= this.dependencies.settings.failingAfterMs) {
        this.failingMarked = true;
        await this.command({
          type: 'markFailing',
          since: status.failingSince,
          consecutiveFailures: status.consecutiveFailures,
          lastError: error ?? 'failed',
          at,
        });
      }
      return;
    }
    if (outcome === 'gone') return;
    // Taken or refused: the receiver is there and answering.
    if (outcome === 'delivered') {
      status.delivered += 1;
      status.lastSuccessAt = at;
      // The receiver is well again: an error from before it recovered is history (the log keeps it).
      status.lastError = null;
    } else {
      status.refused += 1;
      status.lastError = error;
    }
    status.consecutiveFailures = 0;
    status.failingSince = null;
    if (failing) {
      this.failingMarked = false;
      await this.command({ type: 'markRecovered', at });
    }
  }

  /** The delivery's own commands on the subscription's stream: failing, recovered, paused by the receiver. */
  private async command(command: WebhookSubscriptionCommand): Promise<boolean> {
    try {
      await executeCommand(
        this.dependencies.events,
        webhookSubscriptionStreamName(this.subscriptionId),
        webhookSubscriptionDecider,
        command,
        systemContext(this.dependencies.now().toISOString(), `webhook-delivery-${this.subscriptionId}`),
      );
      return true;
    } catch (error) {
      // The mark is a report: deliveries go on without it, and the next attempt tries again.
      if (command.type === 'markFailing') this.failingMarked = undefined;
      if (command.type === 'markRecovered') this.failingMarked = undefined;
      this.dependencies.log.warn(
        `Webhook subscription ${this.subscriptionId}: could not record ${command.type}: ${error instanceof Error ? error.message : error}`,
      );
      return false;
    }
  }

  private async save(force = false): Promise<void> {
    if (!this.status || (!this.unsaved && !force)) return;
    this.unsaved = false;
    this.savedAt = Date.now();
    await this.dependencies.records.saveStatus(this.status);
  }

  /** Waits, or less when `signal` aborts. */
  private sleep(ms: number, signal: AbortSignal): Promise<void> {
    if (signal.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        resolve();
      }
      signal.addEventListener('abort', done, { once: true });
    });
  }
}
