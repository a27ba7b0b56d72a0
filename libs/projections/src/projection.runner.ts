import type { EventStore, EventSubscription } from '@fieldstream/event-store';
import { CheckpointConflictError, type ReadStore } from '@fieldstream/read-store';
import { EventBatchReader } from './event-batch.reader';
import { ProjectionBatchApplier, type ProjectionVersionDocument, messageOf } from './projection-batch.applier';
import { type AnyProjection, PROJECTION_VERSIONS_COLLECTION, collectionsOf } from './projection-definition';
import { type ProjectionLogger } from './projection-logger';
import type { ProjectionState, ProjectionStatus, RunnerStatus } from './projection-status';
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
    const initialDelayMs = checkPositiveInteger(options.retry?.initialDelayMs, 'retry.initialDelayMs', 500, 600_000);
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
    };
    this.workers = options.projections.map((projection) => new ProjectionWorker(projection, settings));
  }

  /** Starts every projection in the background; failures show in `status()`, never as a rejection. */
  start(): void {
    if (this.abort) throw new Error('ProjectionRunner is already running');
    const abort = new AbortController();
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
    return { running: this.abort !== null, projections: this.workers.map((worker) => worker.status(head)) };
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
}

class ProjectionWorker {
  private readonly applier: ProjectionBatchApplier;
  private state: ProjectionState = 'stopped';
  private checkpoint: number | null = null;
  private lagMs: number | null = null;
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
            this.settings.logger.warn(`Projection ${projection.name}: ${error.message}; re-reading the checkpoint`);
            return;
          }
          throw error;
        }
        this.applier.committed();
        checkpoint = prepared.lastPosition;
        this.recordCommit(prepared.events, prepared.lastRecordedAt, checkpoint);
      }
    } finally {
      this.reader = null;
      this.subscription = null;
      signal.removeEventListener('abort', endSession);
      session.abort();
      await subscription.close();
    }
  }

  private async checkVersion(checkpoint: number): Promise<number | null> {
    const { readStore, logger } = this.settings;
    const { projection } = this;
    const stored = await readStore.collection<ProjectionVersionDocument>(PROJECTION_VERSIONS_COLLECTION).get(projection.name);
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

  private recordCommit(events: number, lastRecordedAt: string, checkpoint: number): void {
    const now = this.settings.clock();
    this.checkpoint = checkpoint;
    this.eventsProcessed += events;
    this.batchesCommitted++;
    this.consecutiveFailures = 0;
    this.lastCommitAt = now;
    this.lagMs = Math.max(0, now - Date.parse(lastRecordedAt));
    this.recentCommits.push({ at: now, events });
    while (this.recentCommits.length > 0 && (this.recentCommits[0]?.at ?? now) < now - RATE_WINDOW_MS) {
      this.recentCommits.shift();
    }
    this.state = 'catching-up';
  }

  status(head: number | null): ProjectionStatus {
    const now = this.settings.clock();
    // Live means: blocked on the subscription with every delivered event committed.
    const live = this.state !== 'failed' && this.state !== 'stopped' && this.reader?.waiting === true;
    const windowStart = now - RATE_WINDOW_MS;
    const recent = this.recentCommits.filter((commit) => commit.at >= windowStart);
    const recentEvents = recent.reduce((sum, commit) => sum + commit.events, 0);
    const span = recent.length > 0 ? Math.max(now - (recent[0]?.at ?? now), 1000) : RATE_WINDOW_MS;
    return {
      name: this.projection.name,
      version: this.projection.version,
      state: live ? 'live' : this.state,
      checkpoint: this.checkpoint,
      headPosition: head,
      lagEvents: live ? 0 : head === null ? null : Math.max(0, head - (this.checkpoint ?? 0)),
      lagMs: this.lagMs ?? (live ? 0 : null),
      eventsPerSecond: Math.round((recentEvents * 1000) / span),
      eventsProcessed: this.eventsProcessed,
      batchesCommitted: this.batchesCommitted,
      checkpointConflicts: this.checkpointConflicts,
      consecutiveFailures: this.consecutiveFailures,
      ...(this.lastError ? { lastError: this.lastError } : {}),
      ...(this.lastCommitAt === undefined ? {} : { lastCommitAt: new Date(this.lastCommitAt).toISOString() }),
    };
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
