import type { AllStreamResolvedEvent, Position } from '@eventstore/db-client';
import type { EventSubscription, RecordedEvent, SubscriptionHealth } from '@fieldstream/event-store';
import { type EventSelection, matchesSelection, toRecordedEvent } from './esdb-event-mapping';
import { toPortPosition } from './esdb-position';

/** What the subscription needs from the server: the client's catch-up subscription, narrowed. */
export interface LiveFeed extends AsyncIterable<AllStreamResolvedEvent> {
  on(event: 'caughtUp' | 'fellBehind', listener: () => void): unknown;
  unsubscribe(): Promise<void>;
}

export interface SubscriptionSource {
  /** Opens a server subscription starting at `from` (inclusive), or at the start of the log. */
  open(from: Position | undefined): LiveFeed;
  /** A real record to start from to meet every event after this port position; undefined: the start. */
  resolve(position: number): Promise<Position | undefined>;
}

export interface ReconnectPolicy {
  initialDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RECONNECT_POLICY: ReconnectPolicy = { initialDelayMs: 100, maxDelayMs: 5_000 };

/** Errors that a new subscription would meet again: retrying them would only spin. */
function isFatal(error: unknown): boolean {
  if (error instanceof RangeError) return true;
  const type = typeof error === 'object' && error !== null ? (error as { type?: unknown }).type : undefined;
  return type === 'access-denied' || type === 'invalid-argument' || type === 'unsupported';
}

/**
 * A `$all` subscription that survives dropped connections: on any retryable failure it waits
 * (exponential backoff), then subscribes again right after the last event it has seen, and drops
 * whatever the server sends again at or before that point, so the consumer sees no gap and no
 * duplicate. Consumed with `for await`, which serialises the consumer's async work per event.
 */
export class EsdbSubscription implements EventSubscription {
  private state: SubscriptionHealth['state'] = 'catching-up';
  private lastDelivered: number | undefined;
  /** Last event seen, delivered or filtered out: where a resubscription resumes. */
  private resumeAfter: number | undefined;
  private reconnects = 0;
  private lastError: string | undefined;
  private closed = false;
  private feed: LiveFeed | undefined;
  private wake: (() => void) | undefined;
  private iterator: AsyncGenerator<RecordedEvent> | undefined;

  constructor(
    private readonly source: SubscriptionSource,
    private readonly options: {
      after?: number;
      selection: EventSelection;
      signal?: AbortSignal;
      reconnect: ReconnectPolicy;
    },
    private readonly onClosed: (subscription: EsdbSubscription) => void = () => undefined,
  ) {
    this.resumeAfter = options.after;
    if (options.signal?.aborted) {
      this.markClosed();
    } else {
      options.signal?.addEventListener('abort', () => void this.close(), { once: true });
    }
  }

  [Symbol.asyncIterator](): AsyncIterator<RecordedEvent> {
    this.iterator ??= this.run();
    return this.iterator;
  }

  health(): SubscriptionHealth {
    return {
      state: this.state,
      ...(this.lastDelivered !== undefined ? { lastPosition: this.lastDelivered } : {}),
      reconnects: this.reconnects,
      ...(this.lastError !== undefined ? { lastError: this.lastError } : {}),
    };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.markClosed();
    this.wake?.();
    // Ending the server feed makes a pending `next()` of the consumer resolve with done.
    await this.feed?.unsubscribe().catch(() => undefined);
  }

  private markClosed(): void {
    this.closed = true;
    this.state = 'stopped';
    this.onClosed(this);
  }

  private async *run(): AsyncGenerator<RecordedEvent> {
    let delay = this.options.reconnect.initialDelayMs;
    while (!this.closed) {
      let feed: LiveFeed | undefined;
      try {
        const after = this.resumeAfter;
        const from = after === undefined ? undefined : await this.source.resolve(after);
        if (this.closed) return;
        feed = this.source.open(from);
        this.feed = feed;
        feed.on('caughtUp', () => {
          if (!this.closed) this.state = 'live';
        });
        feed.on('fellBehind', () => {
          if (!this.closed) this.state = 'catching-up';
        });
        for await (const resolved of feed) {
          if (this.closed) return;
          // Only what the server sends proves the connection is back (see the catch below).
          if (this.state === 'reconnecting') this.state = 'catching-up';
          const position = resolved.event?.position;
          if (position === undefined) continue;
          const portPosition = toPortPosition(position);
          // The server starts inclusively and may resend after a reconnect: keep only what is new.
          if (this.resumeAfter !== undefined && portPosition <= this.resumeAfter) continue;
          this.resumeAfter = portPosition;
          delay = this.options.reconnect.initialDelayMs;
          const event = resolved.event;
          if (event === undefined || !matchesSelection(event.streamId, event.type, this.options.selection))
            continue;
          const record = toRecordedEvent(resolved);
          if (record === undefined) continue;
          this.lastDelivered = portPosition;
          yield record;
        }
        if (this.closed) return;
        throw new Error('EventStoreDB ended the subscription');
      } catch (error) {
        if (this.closed) return;
        this.lastError = error instanceof Error ? error.message : String(error);
        if (isFatal(error)) {
          this.markClosed();
          throw error;
        }
        this.state = 'reconnecting';
        await this.sleep(delay);
        delay = Math.min(delay * 2, this.options.reconnect.maxDelayMs);
        if (this.closed) return;
        // The state stays `reconnecting` until the new feed delivers an event or reports it has
        // caught up: opening a feed proves nothing, and health checks must not read a retry
        // against a server that is still down as live.
        this.reconnects += 1;
      } finally {
        if (feed !== undefined) {
          if (this.feed === feed) this.feed = undefined;
          await feed.unsubscribe().catch(() => undefined);
        }
      }
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }
}
