import type { RecordedEvent } from '@fieldstream/event-store';

const NOT_READY = Symbol('not-ready');
type Pulled = IteratorResult<RecordedEvent> | typeof NOT_READY;
const MICROTASK_PATIENCE = 8;

function afterMicrotasks(hops: number): Promise<typeof NOT_READY> {
  let chain: Promise<unknown> = Promise.resolve();
  for (let i = 0; i < hops; i++) chain = chain.then();
  return chain.then(() => NOT_READY);
}

/**
 * Cuts a subscription into batches: as many events as are already waiting (up to `maxEvents`,
 * within `maxWaitMs`), so catch-up commits in large batches while a live event, which arrives
 * alone, is committed at once instead of waiting for company.
 */
export class EventBatchReader {
  private pending: Promise<IteratorResult<RecordedEvent>> | null = null;
  private ended = false;
  /** True while blocked waiting for the next event, i.e. everything delivered is handled. */
  waiting = false;

  constructor(
    private readonly iterator: AsyncIterator<RecordedEvent>,
    private readonly maxEvents: number,
    private readonly maxWaitMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** The next batch, in order; empty once the subscription has ended. */
  async next(): Promise<RecordedEvent[]> {
    if (this.ended) return [];
    let first = await this.poll();
    if (first === NOT_READY) {
      this.waiting = true;
      try {
        first = await this.take();
      } finally {
        this.waiting = false;
      }
    }
    if (first.done) {
      this.ended = true;
      return [];
    }
    const batch = [first.value];
    const started = this.now();
    while (batch.length < this.maxEvents && this.now() - started < this.maxWaitMs) {
      const pulled = await this.poll();
      if (pulled === NOT_READY) break;
      if (pulled.done) {
        this.ended = true;
        break;
      }
      batch.push(pulled.value);
    }
    return batch;
  }

  private take(): Promise<IteratorResult<RecordedEvent>> {
    const pending = this.pending ?? this.iterator.next();
    this.pending = null;
    return pending;
  }

  /**
   * The next result if it is already there. A race against a few microtask hops catches events
   * an adapter has buffered (its answer is a short promise chain away) without leaving the
   * current turn; only when that misses do we yield one macrotask turn before calling the batch
   * complete.
   */
  private async poll(): Promise<Pulled> {
    if (!this.pending) this.pending = this.iterator.next();
    const pending = this.pending;
    let pulled: Pulled = await Promise.race([pending, afterMicrotasks(MICROTASK_PATIENCE)]);
    if (pulled === NOT_READY) {
      pulled = await Promise.race([
        pending,
        new Promise<typeof NOT_READY>((resolve) => setImmediate(resolve, NOT_READY)),
      ]);
    }
    if (pulled !== NOT_READY) this.pending = null;
    return pulled;
  }
}
