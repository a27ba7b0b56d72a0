import { EVENT_STORE_LIMITS, type EventStore, type RecordedEvent } from '@fieldstream/event-store';
import type { ReadStore } from '@fieldstream/read-store';
import { ProjectionBatchApplier } from './projection-batch.applier';
import { type AnyProjection, PROJECTION_VERSIONS_COLLECTION, collectionsOf } from './projection-definition';
import { checkPositiveInteger, checkProjectionSet } from './runner-options';

export interface RebuildProgress {
  projection: string;
  /** Position reached; compare with `headPosition` for a percentage (dense in the embedded store). */
  position: number;
  /** Head of the log when this projection's rebuild began. */
  headPosition: number;
  /** Events applied so far for this projection. */
  events: number;
  elapsedMs: number;
}

export interface RebuildResult {
  projection: string;
  events: number;
  /** Documents in the projection's collections afterwards. */
  documents: number;
  seconds: number;
  eventsPerSecond: number;
  /** Where the time went: reading the log, running the projection, committing to the read store. */
  timings: { readMs: number; applyMs: number; commitMs: number };
}

export interface RebuildOptions {
  eventStore: EventStore;
  readStore: ReadStore;
  projections: readonly AnyProjection[];
  /** Events per page read (default 10,000, the store's page limit). */
  batchSize?: number;
  /**
   * Pages are applied in memory and committed together, so that a document many pages touch is
   * written once per commit rather than once per page. A commit happens once the staged writes
   * reach `maxStagedDocuments` distinct documents (default 50,000, which bounds the memory) or
   * `maxStagedEvents` events (default 1,000,000), and at the end.
   */
  maxStagedDocuments?: number;
  maxStagedEvents?: number;
  /** Documents kept in memory between batches (default 200,000). */
  cacheSize?: number;
  /** Called after every commit and once at the start of each projection. */
  onProgress?: (progress: RebuildProgress) => void;
  /** Stops between two commits; the projection is left part-built (a runner would resume it). */
  signal?: AbortSignal;
}

/**
 * Drops each projection's documents and checkpoint and replays the log from zero. It reads pages
 * of `$all` directly rather than subscribing, and commits each page with the same
 * compare-and-set as the runner, so a runner working at the same time cannot interleave a batch.
 */
export async function rebuildProjections(options: RebuildOptions): Promise<RebuildResult[]> {
  checkProjectionSet(options.projections);
  const batchSize = checkPositiveInteger(
    options.batchSize,
    'batchSize',
    EVENT_STORE_LIMITS.maxPageSize,
    EVENT_STORE_LIMITS.maxPageSize,
  );
  const cacheSize = checkPositiveInteger(options.cacheSize, 'cacheSize', 200_000, 10_000_000);
  const maxStagedDocuments = checkPositiveInteger(
    options.maxStagedDocuments,
    'maxStagedDocuments',
    50_000,
    10_000_000,
  );
  const maxStagedEvents = checkPositiveInteger(
    options.maxStagedEvents,
    'maxStagedEvents',
    1_000_000,
    100_000_000,
  );
  const results: RebuildResult[] = [];
  for (const projection of options.projections) {
    if (options.signal?.aborted) break;
    results.push(
      await rebuildOne(projection, options, { batchSize, cacheSize, maxStagedDocuments, maxStagedEvents }),
    );
  }
  return results;
}

async function rebuildOne(
  projection: AnyProjection,
  options: RebuildOptions,
  limits: { batchSize: number; cacheSize: number; maxStagedDocuments: number; maxStagedEvents: number },
): Promise<RebuildResult> {
  const { eventStore, readStore, onProgress, signal } = options;
  const collections = collectionsOf(projection);
  const started = performance.now();
  const headPosition = await eventStore.headPosition();
  await readStore.resetProjection(projection.name, collections);
  await readStore.collection(PROJECTION_VERSIONS_COLLECTION).delete(projection.name);
  for (const [name, spec] of Object.entries(projection.collections)) {
    if (spec.indexes?.length) await readStore.collection(name).ensureIndexes(spec.indexes);
  }
  const { batchSize, maxStagedDocuments, maxStagedEvents } = limits;
  const applier = new ProjectionBatchApplier(
    projection,
    readStore,
    Math.max(limits.cacheSize, maxStagedDocuments),
  );
  applier.startEmpty();
  const eventTypes = projection.eventTypes === 'all' ? undefined : projection.eventTypes;
  let checkpoint: number | null = null;
  let after: number | undefined;
  let events = 0;
  const timings = { readMs: 0, applyMs: 0, commitMs: 0 };
  let mark = performance.now();
  const lap = (phase: keyof typeof timings) => {
    const now = performance.now();
    timings[phase] += now - mark;
    mark = now;
  };
  const commit = async () => {
    const prepared = applier.take();
    try {
      await readStore.commitProjectionBatch({
        projection: projection.name,
        expectedCheckpoint: checkpoint,
        nextCheckpoint: prepared.lastPosition,
        writes: prepared.writes,
      });
    } catch (error) {
      applier.forget();
      throw error;
    }
    applier.committed();
    checkpoint = prepared.lastPosition;
    lap('commitMs');
  };
  const readPage = (from: number | undefined) =>
    eventStore.readAll({
      maxCount: batchSize,
      ...(from === undefined ? {} : { after: from }),
      ...(eventTypes ? { eventTypes } : {}),
    });
  onProgress?.({ projection: projection.name, position: 0, headPosition, events, elapsedMs: 0 });
  let prefetched: Promise<RecordedEvent[]> | undefined;
  for (;;) {
    if (signal?.aborted) break;
    mark = performance.now();
    const page = await (prefetched ?? readPage(after));
    lap('readMs');
    const last = page[page.length - 1];
    if (!last) break;
    // The next page is asked for before this one is applied and committed: a store that reads on
    // another thread (the embedded SQLite store, for large pages) reads it meanwhile. As before,
    // the rebuild ends at the first empty page, whatever the length of the one before it.
    let next: Promise<RecordedEvent[]>;
    try {
      next = readPage(last.position);
    } catch (error) {
      // A store that throws rather than rejects: the error surfaces when the page is awaited.
      next = Promise.reject(error);
    }
    // Not unhandled if the rebuild stops or fails before awaiting it.
    next.catch(() => undefined);
    // A store that reads synchronously has read the page by now: its time counts as reading.
    lap('readMs');
    await applier.stage(page);
    lap('applyMs');
    after = last.position;
    events += page.length;
    if (applier.stagedDocuments >= maxStagedDocuments || applier.stagedEvents >= maxStagedEvents)
      await commit();
    onProgress?.({
      projection: projection.name,
      position: after,
      headPosition,
      events,
      elapsedMs: performance.now() - started,
    });
    prefetched = next;
  }
  if (applier.stagedEvents > 0) await commit();
  let documents = 0;
  for (const name of collections) documents += await readStore.collection(name).count();
  const seconds = (performance.now() - started) / 1000;
  return {
    projection: projection.name,
    events,
    documents,
    seconds,
    eventsPerSecond: seconds > 0 ? Math.round(events / seconds) : 0,
    timings: {
      readMs: Math.round(timings.readMs),
      applyMs: Math.round(timings.applyMs),
      commitMs: Math.round(timings.commitMs),
    },
  };
}
