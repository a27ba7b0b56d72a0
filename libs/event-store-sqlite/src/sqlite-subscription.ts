import type { EventSubscription, RecordedEvent, SubscriptionHealth } from '@fieldstream/event-store';

/** What a subscription needs from its store; kept narrow so the follow logic reads on its own. */
export interface SubscriptionSource {
  /**
   * Matching events after `after`, in position order, and how far the scan got: when filters
   * skip most of the log, the next read must start past what was skipped, not past the last
   * match.
   */
  readPage(after: number, maxCount: number): { events: RecordedEvent[]; scannedTo: number };
  /** Resolves at the next commit seen (this process's or another's) or when `stop` fires. */
  waitForChange(stop: AbortSignal): Promise<void>;
  onClosed(subscription: SqliteSubscription): void;
}

const PAGE_SIZE = 500;

/**
 * Catch-up and live are one loop over positions: read the next page after the last position
 * scanned; a short page means we are at the head, so wait for a change and read again. Positions
 * become visible in order (see the adapter), so reading "after the last one" can neither skip nor
 * repeat an event across the switch.
 */
export class SqliteSubscription implements EventSubscription, AsyncIterator<RecordedEvent> {
  private buffer: RecordedEvent[] = [];
  private bufferIndex = 0;
  private scannedTo: number;
  private state: SubscriptionHealth['state'] = 'catching-up';
  private lastPosition: number | undefined;
  private lastError: string | undefined;
  private readonly stopper = new AbortController();
  private pending: Promise<IteratorResult<RecordedEvent>> = Promise.resolve({
    done: false,
    value: undefined as never,
  });

  constructor(
    private readonly source: SubscriptionSource,
    after: number,
    signal?: AbortSignal,
  ) {
    this.scannedTo = after;
    if (signal?.aborted) this.stop();
    signal?.addEventListener('abort', () => this.stop(), { once: true });
  }

  [Symbol.asyncIterator](): AsyncIterator<RecordedEvent> {
    return this;
  }

  /** Calls are chained so that overlapping `next()` calls still see events in order. */
  next(): Promise<IteratorResult<RecordedEvent>> {
    this.pending = this.pending.then(
      () => this.pull(),
      () => this.pull(),
    );
    return this.pending;
  }

  async return(): Promise<IteratorResult<RecordedEvent>> {
    await this.close();
    return { done: true, value: undefined };
  }

  health(): SubscriptionHealth {
    return {
      state: this.state,
      reconnects: 0,
      ...(this.lastPosition !== undefined && { lastPosition: this.lastPosition }),
      ...(this.lastError !== undefined && { lastError: this.lastError }),
    };
  }

  async close(): Promise<void> {
    this.stop();
  }

  /** Called by the store when it closes. */
  stop(): void {
    if (this.stopper.signal.aborted) return;
    this.state = 'stopped';
    this.stopper.abort();
    this.buffer = [];
    this.source.onClosed(this);
  }

  private async pull(): Promise<IteratorResult<RecordedEvent>> {
    for (;;) {
      if (this.stopper.signal.aborted) return { done: true, value: undefined };
      const next = this.buffer[this.bufferIndex];
      if (next !== undefined) {
        this.bufferIndex++;
        this.lastPosition = next.position;
        return { done: false, value: next };
      }
      let page: { events: RecordedEvent[]; scannedTo: number };
      try {
        page = this.source.readPage(this.scannedTo, PAGE_SIZE);
      } catch (error) {
        this.lastError = (error as Error).message;
        throw error;
      }
      this.scannedTo = page.scannedTo;
      this.buffer = page.events;
      this.bufferIndex = 0;
      if (this.stopper.signal.aborted) continue;
      // A full page means more may follow at once; a short one means this read reached the head.
      this.state = page.events.length === PAGE_SIZE ? 'catching-up' : 'live';
      if (page.events.length > 0) continue;
      await this.source.waitForChange(this.stopper.signal);
    }
  }
}
