import { setMaxListeners } from 'node:events';
import type { EventStore, EventSubscription } from '@fieldstream/event-store';
import { CheckpointConflictError, type ReadStore } from '@fieldstream/read-store';
import { EventBatchReader } from './event-batch.reader';
import {
  ProjectionBatchApplier,
  type ProjectionVersionDocument,
  messageOf,
} from './projection-batch.applier';
import { type AnyProjection, PROJECTION_VERSIONS_COLLECTION, collectionsOf } from './projection-definition';
import { type ProjectionLogger } from './projection-logger';
import type {
  ProjectionState,
  ProjectionStatus,
  ProjectionSubscriptionStatus,
  RunnerStatus,
} from './projection-status';
import { checkProjectionSet, checkPositiveInteger } from './runner-options';

export interface ProjectionRunnerOptions {
  eventStore: EventStore;
  readStore: ReadStore;
  projections: readonly AnyProjection[];
  /** Most events per commit while catching up (default 1000). */
  batchSize?: number;
  /** Longest a batch keeps collecting before it commits (default 50 ms). */
  maxBatchWaitMs?: number;
  /** Documents kept in memory per projection between batches (default 50,000). */
  cacheSize?: number;
  logger?: ProjectionLogger;
  /** First and longest wait before retrying a failed projection (defaults 500 ms and 30 s). */
  retry?: { initialDelayMs?: number; maxDelayMs?: number };
  /**
   * What to do when the version stored beside the checkpoint is not the code's: rebuild in place
   * (default; the read model is empty, then catches up) or stay failed until someone runs the
   * rebuild tool.
   */
  onVersionChange?: 'rebuild' | 'fail';
  /** Milliseconds since the epoch; a fake one makes rates testable. */
  clock?: () => number;
  /**
   * Called synchronously after each durable commit (documents and checkpoint), e.g. for metrics
   * or to know exactly how far a process got; a throw is logged, never fails the projection.
   */
  onCommit?: (commit: ProjectionCommit) => void;
}

export interface ProjectionCommit {
  projection: string;
  /** Position of the last event of the batch, now the stored checkpoint. */
  checkpoint: number;
  events: number;
}

/** The stored version differs from the code's and `onVersionChange` is 'fail'. */
export class ProjectionVersionMismatchError extends Error {
  override readonly name = 'ProjectionVersionMismatchError';
  readonly code = 'projection_version_mismatch';
  constructor(
    readonly projection: string,
    readonly stored: number | null,
    readonly expected: number,
  ) {
    super(
      `Projection ${projection}: read model built by version ${stored ?? 'unknown'}, code is version ${expected}; run the rebuild tool`,
    );
  }
}

const RATE_WINDOW_MS = 10_000;

/**
 * Keeps every projection's read model in step with the log: one subscription per projection from
 * its checkpoint, batched commits of documents + checkpoint (compare-and-set), and its own
 * retry loop so that one failing projection never holds up the others.
 */
export class ProjectionRunner {
  private readonly workers: ProjectionWorker[];
  private abort: AbortController | null = null;
  private loops: Promise<void>[] = [];

  constructor(private readonly options: ProjectionRunnerOptions) {
    checkProjectionSet(options.projections);
    const batchSize = checkPositiveInteger(options.batchSize, 'batchSize', 1000, 10_000);
    const maxBatchWaitMs = checkPositiveInteger(options.maxBatchWaitMs, 'maxBatchWaitMs', 50, 60_000);
    const cacheSize = checkPositiveInteger(options.cacheSize, 'cacheSize', 50_000, 10_000_000);
    const initialDelayMs = checkPositiveInteger(
      options.retry?.initialDelayMs,
      'retry.initialDelayMs',
      500,
      600_000,
    );
    const maxDelayMs = checkPositiveInteger(options.retry?.maxDelayMs, 'retry.maxDelayMs', 30_000, 3_600_000);
    const settings: WorkerSettings = {
      eventStore: options.eventStore,
      readStore: options.readStore,
      logger: options.logger ?? console,
      clock: options.clock ?? Date.now,
      batchSize,
      maxBatchWaitMs,
      cacheSize,
      initialDelayMs,
      maxDelayMs: Math.max(maxDelayMs, initialDelayMs),
      onVersionChange: options.onVersionChange ?? 'rebuild',
      onCommit: options.onCommit,
    };
    this.workers = options.projections.map((projection) => new ProjectionWorker(projection, settings));
  }

  /** Starts every projection in the background; failures show in `status()`, never as a rejection. */
  start(): void {
    if (this.abort) throw new Error('ProjectionRunner is already running');
    const abort = new AbortController();
    // Each projection's subscription listens to it: more than Node's default ten is no leak.
    setMaxListeners(this.workers.length + 1, abort.signal);
    this.abort = abort;
    this.loops = this.workers.map((worker) => worker.run(abort.signal));
  }

  /** Stops following the log; resolves once no commit is in flight. */
  async stop(): Promise<void> {
    const abort = this.abort;
    if (!abort) return;
    abort.abort();
    await Promise.all(this.workers.map((worker) => worker.interrupt()));
    await Promise.all(this.loops);
    this.abort = null;
    this.loops = [];
  }

  async status(): Promise<RunnerStatus> {
    let head: number | null = null;
    try {
      head = await this.options.eventStore.headPosition();
    } catch {
      head = null;
    }
    const projections = await Promise.all(this.workers.map((worker) => worker.status(head)));
    return { running: this.abort !== null, projections };
  }
}

interface WorkerSettings {
  eventStore: EventStore;
  readStore: ReadStore;
  logger: ProjectionLogger;
  clock: () => number;
  batchSize: number;
  maxBatchWaitMs: number;
  cacheSize: number;
  initialDelayMs: number;
  maxDelayMs: number;
  onVersionChange: 'rebuild' | 'fail';
  onCommit: ((commit: ProjectionCommit) => void) | undefined;
}

class ProjectionWorker {
  private readonly applier: ProjectionBatchApplier;
  private state: ProjectionState = 'stopped';
  private checkpoint: number | null = null;
  private eventsProcessed = 0;
  private batchesCommitted = 0;
  private checkpointConflicts = 0;
  private consecutiveFailures = 0;
  private lastError: { message: string; at: string } | undefined;
  private lastCommitAt: number | undefined;
  private readonly recentCommits: { at: number; events: number }[] = [];
  private indexesEnsured = false;
  private reader: EventBatchReader | null = null;
  private subscription: EventSubscription | null = null;
  private wakeUp: (() => void) | null = null;

  constructor(
    private readonly projection: AnyProjection,
    private readonly settings: WorkerSettings,
  ) {
    this.applier = new ProjectionBatchApplier(projection, settings.readStore, settings.cacheSize);
  }

  async run(signal: AbortSignal): Promise<void> {
    this.state = 'starting';
    while (!signal.aborted) {
      try {
        await this.follow(signal);
      } catch (error) {
        this.applier.forget();
        if (signal.aborted) break;
        this.consecutiveFailures++;
        this.state = 'failed';
        this.lastError = { message: messageOf(error), at: new Date(this.settings.clock()).toISOString() };
        const delay = Math.min(
          this.settings.maxDelayMs,
          this.settings.initialDelayMs * 2 ** Math.min(this.consecutiveFailures - 1, 20),
        );
        this.settings.logger.error(
          `Projection ${this.projection.name} failed (${this.consecutiveFailures} in a row), retrying in ${delay} ms: ${this.lastError.message}`,
        );
        await this.sleep(delay, signal);
      }
    }
    this.state = 'stopped';
  }

  /** Ends a pending wait (backoff or subscription) so `stop()` does not wait for the next event. */
  async interrupt(): Promise<void> {
    this.wakeUp?.();
    await this.subscription?.close();
  }

  /** Follows the log from the stored checkpoint until stopped, or until a checkpoint conflict. */
  private async follow(signal: AbortSignal): Promise<void> {
    const { eventStore, readStore } = this.settings;
    const { projection } = this;
    if (!this.indexesEnsured) {
      for (const [name, spec] of Object.entries(projection.collections)) {
        if (spec.indexes?.length) await readStore.collection(name).ensureIndexes(spec.indexes);
      }
      this.indexesEnsured = true;
    }
    let checkpoint = await readStore.getCheckpoint(projection.name);
    if (checkpoint !== null) checkpoint = await this.checkVersion(checkpoint);
    this.checkpoint = checkpoint;
    if (signal.aborted) return;

    // A signal per subscription: the runner's own lives for the whole run, and a subscription
    // that hangs a listener on it at every resubscription would pile them up.
    const session = new AbortController();
    const endSession = () => session.abort();
    signal.addEventListener('abort', endSession, { once: true });
    const subscription = eventStore.subscribeToAll({
      ...(checkpoint === null ? {} : { after: checkpoint }),
      ...(projection.eventTypes === 'all' ? {} : { eventTypes: projection.eventTypes }),
      signal: session.signal,
    });
    this.subscription = subscription;
    const reader = new EventBatchReader(
      subscription[Symbol.asyncIterator](),
      this.settings.batchSize,
      this.settings.maxBatchWaitMs,
      this.settings.clock,
    );
    this.reader = reader;
    this.state = 'catching-up';
    try {
      for (;;) {
        const events = await reader.next();
        if (events.length === 0) {
          if (signal.aborted) return;
          throw new Error('The subscription ended without being stopped');
        }
        const prepared = await this.applier.prepare(events);
        try {
          await readStore.commitProjectionBatch({
            projection: projection.name,
            expectedCheckpoint: checkpoint,
            nextCheckpoint: prepared.lastPosition,
            writes: prepared.writes,
          });
        } catch (error) {
          this.applier.forget();
          if (error instanceof CheckpointConflictError) {
            // Another instance is applying the same events: take up from where it got to.
            this.checkpointConflicts++;
            this.settings.logger.warn(
              `Projection ${projection.name}: ${error.message}; re-reading the checkpoint`,
            );
            return;
          }
          throw error;
        }
        this.applier.committed();
        checkpoint = prepared.lastPosition;
        this.recordCommit(prepared.events, checkpoint);
        this.announceCommit(prepared.events, checkpoint);
      }
    } finally {
      this.reader = null;
      this.subscription = null;
      signal.removeEventListener('abort', endSession);
      session.abort();
      await subscription.close();
    }
  }

  private announceCommit(events: number, checkpoint: number): void {
    if (!this.settings.onCommit) return;
    try {
      this.settings.onCommit({ projection: this.projection.name, checkpoint, events });
    } catch (error) {
      this.settings.logger.warn(`Projection ${this.projection.name}: onCommit failed: ${messageOf(error)}`);
    }
  }

  private async checkVersion(checkpoint: number): Promise<number | null> {
    const { readStore, logger } = this.settings;
    const { projection } = this;
    const stored = await readStore
      .collection<ProjectionVersionDocument>(PROJECTION_VERSIONS_COLLECTION)
      .get(projection.name);
    if (stored?.version === projection.version) return checkpoint;
    if (this.settings.onVersionChange === 'fail') {
      throw new ProjectionVersionMismatchError(projection.name, stored?.version ?? null, projection.version);
    }
    logger.warn(
      `Projection ${projection.name}: read model built by version ${stored?.version ?? 'unknown'}, code is version ${projection.version}; rebuilding from the start`,
    );
    await readStore.resetProjection(projection.name, collectionsOf(projection));
    this.applier.forget();
    return null;
  }

  private recordCommit(events: number, checkpoint: number): void {
    const now = this.settings.clock();
    this.checkpoint = checkpoint;
    this.eventsProcessed += events;
    this.batchesCommitted++;
    this.consecutiveFailures = 0;
    this.lastCommitAt = now;
    this.recentCommits.push({ at: now, events });
    while (this.recentCommits.length > 0 && (this.recentCommits[0]?.at ?? now) < now - RATE_WINDOW_MS) {
      this.recentCommits.shift();
    }
    this.state = 'catching-up';
  }

  async status(head: number | null): Promise<ProjectionStatus> {
    const now = this.settings.clock();
    const subscription = this.subscriptionStatus();
    const running = this.state !== 'failed' && this.state !== 'stopped';
    // A reader waiting on a subscription that is reconnecting (store unreachable) or was stopped
    // under us is not up to date: it is waiting for a connection, not for new events.
    const connected =
      subscription === null || (subscription.state !== 'reconnecting' && subscription.state !== 'stopped');
    // Live means: blocked on a connected subscription with every delivered event committed.
    const live = running && connected && this.reader?.waiting === true;
    const state: ProjectionState = !running
      ? this.state
      : !connected
        ? 'disconnected'
        : live
          ? 'live'
          : this.state;
    const lag = live ? { events: 0, ms: 0 } : await this.lagBehind(head, now);
    const windowStart = now - RATE_WINDOW_MS;
    const recent = this.recentCommits.filter((commit) => commit.at >= windowStart);
    const recentEvents = recent.reduce((sum, commit) => sum + commit.events, 0);
    const span = recent.length > 0 ? Math.max(now - (recent[0]?.at ?? now), 1000) : RATE_WINDOW_MS;
    return {
      name: this.projection.name,
      version: this.projection.version,
      state,
      checkpoint: this.checkpoint,
      headPosition: head,
      lagEvents: lag.events,
      lagMs: lag.ms,
      eventsPerSecond: Math.round((recentEvents * 1000) / span),
      eventsProcessed: this.eventsProcessed,
      batchesCommitted: this.batchesCommitted,
      checkpointConflicts: this.checkpointConflicts,
      consecutiveFailures: this.consecutiveFailures,
      ...(this.lastError ? { lastError: this.lastError } : {}),
      ...(this.lastCommitAt === undefined ? {} : { lastCommitAt: new Date(this.lastCommitAt).toISOString() }),
      subscription,
    };
  }

  private subscriptionStatus(): ProjectionSubscriptionStatus | null {
    if (!this.subscription) return null;
    const health = this.subscription.health();
    return {
      state: health.state,
      reconnects: health.reconnects,
      ...(health.lastError === undefined ? {} : { lastError: health.lastError }),
    };
  }

  /**
   * How far behind the log this projection is now, when it is not live: the events past its
   * checkpoint, and the age of the oldest of them that it has to apply (one small read, so an idle
   * projection never reports the lag of a batch it committed long ago). Null where the store
   * cannot answer, e.g. EventStoreDB being down. Before its first commit the in-memory checkpoint
   * may still be null while the stored one is not, so a starting projection can briefly overstate.
   */
  private async lagBehind(
    head: number | null,
    now: number,
  ): Promise<{ events: number | null; ms: number | null }> {
    // The head just failed to come: a second call to the same unreachable store would only wait.
    if (head === null) return { events: null, ms: null };
    const checkpoint = this.checkpoint;
    const events = Math.max(0, head - (checkpoint ?? 0));
    if (events === 0) return { events, ms: 0 };
    try {
      const [oldest] = await this.settings.eventStore.readAll({
        maxCount: 1,
        ...(checkpoint === null ? {} : { after: checkpoint }),
        ...(this.projection.eventTypes === 'all' ? {} : { eventTypes: this.projection.eventTypes }),
      });
      return { events, ms: oldest ? Math.max(0, now - Date.parse(oldest.recordedAt)) : 0 };
    } catch {
      return { events, ms: null };
    }
  }

  private sleep(ms: number, signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        this.wakeUp = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      signal.addEventListener('abort', done, { once: true });
      this.wakeUp = done;
    });
  }
}
