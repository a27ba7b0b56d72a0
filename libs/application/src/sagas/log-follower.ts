import type { EventStore, EventSubscription } from '@fieldstream/event-store';
import type { ReadDocument, ReadStore } from '@fieldstream/read-store';
import type { RecordedEvent } from '@fieldstream/event-store';

/** Where sagas keep how far they followed the log (one document per saga). */
export const SAGA_CHECKPOINTS_COLLECTION = 'saga_checkpoints';
/** The checkpoint is written at most this often while events stream in, and when they pause. */
const CHECKPOINT_EVERY_MS = 250;

interface CheckpointDocument extends ReadDocument {
  position: number;
  at: string;
}

export interface LogFollowerOptions {
  /** The checkpoint's name, unique per saga (`sla-follower`, `notifier`...). */
  name: string;
  events: EventStore;
  reads: ReadStore;
  /** The streams followed, by name prefix. */
  streamPrefixes: readonly string[];
  /** Only these event types, when given (filtered by the store where it can). */
  eventTypes?: readonly string[];
  /** Must be safe to call twice for one event: delivery is at least once. */
  handle(recorded: RecordedEvent): Promise<void>;
  /** Events handled at once, each stream's in order (default 1: one at a time). */
  concurrency?: number;
  log?: { warn(message: string): void; error(message: string): void };
  /** First and longest wait before following again after a failure. */
  retry?: { initialDelayMs?: number; maxDelayMs?: number };
}

/**
 * A saga's way through the log: follows some streams from its checkpoint and hands each event to
 * the saga. At least once: the checkpoint is saved after the events it covers were handled, so a
 * crash hands some of them over again, which the sagas make harmless (events' ids derived from
 * their cause, revisions already seen). A failure (a store briefly away) is retried from the
 * checkpoint with back-off, never skipped.
 */
export class LogFollower {
  private subscription: EventSubscription | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;
  private position: number | undefined;
  private lastError: string | undefined;

  constructor(private readonly options: LogFollowerOptions) {}

  start(): void {
    if (this.running) return;
    this.stopped = false;
    this.running = this.loop();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.subscription?.close();
    await this.running;
    this.running = undefined;
  }

  status(): { position: number | null; lastError?: string } {
    return { position: this.position ?? null, ...(this.lastError && { lastError: this.lastError }) };
  }

  /** The position followed so far (saved), for tests and health. */
  async checkpoint(): Promise<number | null> {
    const saved = await this.checkpoints().get(this.options.name);
    return saved?.position ?? null;
  }

  private checkpoints() {
    return this.options.reads.collection<CheckpointDocument>(SAGA_CHECKPOINTS_COLLECTION);
  }

  private async loop(): Promise<void> {
    let delay = this.options.retry?.initialDelayMs ?? 500;
    const maxDelay = this.options.retry?.maxDelayMs ?? 30_000;
    while (!this.stopped) {
      try {
        await this.followFromCheckpoint();
        delay = this.options.retry?.initialDelayMs ?? 500;
      } catch (error) {
        this.lastError = error instanceof Error ? error.message : String(error);
        this.options.log?.error(
          `${this.options.name} failed, following the log again in ${delay} ms: ${this.lastError}`,
        );
        await new Promise((resolve) => setTimeout(resolve, delay));
        delay = Math.min(delay * 2, maxDelay);
      }
    }
  }

  private async followFromCheckpoint(): Promise<void> {
    const saved = await this.checkpoint();
    this.position = saved ?? undefined;
    const subscription = this.options.events.subscribeToAll({
      ...(saved !== null && { after: saved }),
      streamPrefixes: this.options.streamPrefixes,
      ...(this.options.eventTypes && { eventTypes: this.options.eventTypes }),
    });
    this.subscription = subscription;
    let savedAt = Date.now();
    let unsaved = false;
    const save = async () => {
      if (!unsaved || this.position === undefined) return;
      await this.checkpoints().put({
        _id: this.options.name,
        position: this.position,
        at: new Date().toISOString(),
      });
      unsaved = false;
      savedAt = Date.now();
    };
    // Saves what was followed when the log goes quiet, not only when the next event arrives.
    const idleSaver = setInterval(() => void save().catch(() => undefined), CHECKPOINT_EVERY_MS);
    // Events of one stream are handled in order, events of different streams side by side (up to
    // `concurrency`); the checkpoint only moves past an event once every event before it is done.
    const concurrency = this.options.concurrency ?? 1;
    const waiting: number[] = [];
    const finished = new Set<number>();
    const chains = new Map<string, Promise<void>>();
    const running = new Set<Promise<void>>();
    let failure: { error: unknown } | undefined;
    const advance = () => {
      while (waiting.length > 0 && finished.has(waiting[0]!)) {
        const position = waiting.shift()!;
        finished.delete(position);
        this.position = position;
        unsaved = true;
      }
    };
    try {
      for await (const recorded of subscription) {
        if (failure) break;
        while (running.size >= concurrency) await Promise.race(running);
        if (failure) break;
        const key = recorded.streamName;
        waiting.push(recorded.position);
        const task = (chains.get(key) ?? Promise.resolve())
          .then(() => this.options.handle(recorded))
          .then(
            () => {
              finished.add(recorded.position);
              advance();
            },
            (error: unknown) => {
              failure ??= { error };
            },
          );
        chains.set(key, task);
        running.add(task);
        void task.finally(() => {
          running.delete(task);
          if (chains.get(key) === task) chains.delete(key);
        });
        if (Date.now() - savedAt >= CHECKPOINT_EVERY_MS) await save();
        if (this.stopped) break;
      }
      await Promise.all(running);
      if (failure) throw failure.error;
      await save();
    } finally {
      await Promise.allSettled(running);
      clearInterval(idleSaver);
      await subscription.close();
    }
    this.lastError = undefined;
  }
}
