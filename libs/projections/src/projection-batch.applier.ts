import type { RecordedEvent } from '@fieldstream/event-store';
import type { DocumentWrite, ReadDocument, ReadStore } from '@fieldstream/read-store';
import {
  type AnyProjection,
  type CurrentDocuments,
  type DocumentRef,
  PROJECTION_VERSIONS_COLLECTION,
  collectionsOf,
} from './projection-definition';

export interface ProjectionVersionDocument extends ReadDocument {
  version: number;
}

/** An event's `apply` (or `documentsFor`) broke the projection rules; names the event and the field. */
export class ProjectionApplyError extends Error {
  override readonly name = 'ProjectionApplyError';
  readonly code = 'projection_apply_failed';
  constructor(
    message: string,
    readonly projection: string,
    readonly position: number,
    readonly field: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export interface PreparedBatch {
  /** Coalesced: one write per document (the last one), plus the version document. */
  writes: DocumentWrite[];
  /** Events the batch covers and the position of its last one (the next checkpoint). */
  events: number;
  lastPosition: number;
  /** Documents put or deleted (version document excluded). */
  documentsWritten: number;
}

const LOAD_CHUNK = 500;

/**
 * Turns events into the writes of one projection commit. Documents are loaded once per batch (one
 * `$in` query per collection) and kept in a cache across batches, which holds exactly the state
 * as of the last commit *this* instance made: the commit is a compare-and-set on the checkpoint,
 * so if anyone else moved it our commit fails and the caller must `forget()`.
 *
 * Several `stage()` calls may precede one `take()`: a rebuild stages many pages per commit, so a
 * document touched on every page is written once.
 */
export class ProjectionBatchApplier {
  private readonly cache = new DocumentTable<ReadDocument | null>();
  private readonly owned: Set<string>;
  /** Documents as staged since the last commit, over the cache. */
  private overlay = new DocumentTable<ReadDocument | null>();
  /** The last write per document since the last commit. */
  private pending = new DocumentTable<DocumentWrite>();
  private pendingEvents = 0;
  private last: RecordedEvent | null = null;
  /** The cache holds every stored document (a reset store, nothing evicted): a miss is a known absence. */
  private complete = false;

  constructor(
    private readonly projection: AnyProjection,
    private readonly readStore: ReadStore,
    private readonly cacheSize = 50_000,
  ) {
    this.owned = new Set(collectionsOf(projection));
  }

  /** The projection's collections were just emptied: no need to ask the store for documents. */
  startEmpty(): void {
    this.forget();
    this.complete = true;
  }

  /** Events staged and not yet taken. */
  get stagedEvents(): number {
    return this.pendingEvents;
  }

  /** Documents the staged events wrote (each counted once). */
  get stagedDocuments(): number {
    return this.pending.size;
  }

  /** Computes the writes for `events` (in position order). Call `committed()` or `forget()` after. */
  async prepare(events: readonly RecordedEvent[]): Promise<PreparedBatch> {
    await this.stage(events);
    return this.take();
  }

  /** Applies `events` (in position order, after any staged before) to the staged documents. */
  async stage(events: readonly RecordedEvent[]): Promise<void> {
    if (events.length === 0) return;
    const { projection, overlay, cache, pending } = this;
    const refsPerEvent: (readonly DocumentRef[])[] = new Array(events.length);
    const missing = new Map<string, Set<string>>();
    for (let i = 0; i < events.length; i++) {
      const event = events[i] as RecordedEvent;
      let refs: readonly DocumentRef[];
      try {
        refs = projection.documentsFor(event);
      } catch (error) {
        throw this.fail(event, 'documentsFor', `documentsFor threw: ${messageOf(error)}`, error);
      }
      for (const ref of refs) {
        this.checkCollection(event, ref.collection, 'documentsFor');
        if (typeof ref.id !== 'string' || ref.id.length === 0) {
          throw this.fail(event, 'documentsFor', 'documentsFor returned a reference without an id');
        }
        if (!overlay.has(ref.collection, ref.id) && !cache.has(ref.collection, ref.id)) {
          if (this.complete) {
            overlay.set(ref.collection, ref.id, null);
          } else {
            let ids = missing.get(ref.collection);
            if (!ids) missing.set(ref.collection, (ids = new Set()));
            ids.add(ref.id);
          }
        }
      }
      refsPerEvent[i] = refs;
    }
    await this.load(missing, overlay);

    // One reader object for the whole call (not a closure per event): rebuilds run it millions of times.
    let event = events[0] as RecordedEvent;
    let declared: readonly DocumentRef[] = [];
    const current: CurrentDocuments = {
      get: <T extends ReadDocument>(collection: string, id: string): Readonly<T> | null => {
        // Reading a document it did not declare would make a rebuild depend on load order.
        if (!declared.some((ref) => ref.id === id && ref.collection === collection)) {
          throw this.fail(
            event,
            'apply',
            `apply read ${collection}/${id}, which documentsFor did not ask for`,
          );
        }
        const found = overlay.has(collection, id) ? overlay.get(collection, id) : cache.get(collection, id);
        return (found ?? null) as Readonly<T> | null;
      },
    };
    for (let i = 0; i < events.length; i++) {
      event = events[i] as RecordedEvent;
      declared = refsPerEvent[i] ?? [];
      let writes: ReturnType<AnyProjection['apply']>;
      try {
        writes = projection.apply(event, current);
      } catch (error) {
        if (error instanceof ProjectionApplyError) throw error;
        throw this.fail(event, 'apply', `apply threw: ${messageOf(error)}`, error);
      }
      for (const write of writes) {
        this.checkCollection(event, write.collection, 'apply');
        if (write.op === 'put') {
          const id = write.document?._id;
          if (typeof id !== 'string' || id.length === 0) {
            throw this.fail(
              event,
              'apply',
              `apply put a document into ${write.collection} without a string _id`,
            );
          }
          const document = Object.freeze(write.document);
          overlay.set(write.collection, id, document);
          pending.set(write.collection, id, { op: 'put', collection: write.collection, document });
        } else if (write.op === 'delete') {
          if (typeof write.id !== 'string' || write.id.length === 0) {
            throw this.fail(event, 'apply', `apply deleted from ${write.collection} without an id`);
          }
          overlay.set(write.collection, write.id, null);
          pending.set(write.collection, write.id, {
            op: 'delete',
            collection: write.collection,
            id: write.id,
          });
        } else {
          throw this.fail(
            event,
            'apply',
            `apply may only put or delete, got ${String((write as { op: unknown }).op)}`,
          );
        }
      }
    }
    this.pendingEvents += events.length;
    this.last = events[events.length - 1] ?? this.last;
  }

  /** The writes of everything staged: one per document, plus the version document. */
  take(): PreparedBatch {
    const last = this.last;
    if (!last || this.pendingEvents === 0) throw new Error('A projection batch needs at least one event');
    const writes = [...this.pending.values()];
    const documentsWritten = writes.length;
    writes.push({
      op: 'put',
      collection: PROJECTION_VERSIONS_COLLECTION,
      document: { _id: this.projection.name, version: this.projection.version },
    });
    return {
      writes,
      events: this.pendingEvents,
      lastPosition: last.position,
      documentsWritten,
    };
  }

  /** What was taken is durable: the staged documents become the cached state. */
  committed(): void {
    const { cache } = this;
    this.overlay.forEach((collection, id, document) => cache.refresh(collection, id, document));
    this.clearStaged();
    if (cache.size > this.cacheSize) {
      this.complete = false;
      cache.evictOldest(cache.size - this.cacheSize);
    }
  }

  /** The stored state may differ from what we cached (a failed or conflicting commit). */
  forget(): void {
    this.cache.clear();
    this.complete = false;
    this.clearStaged();
  }

  private clearStaged(): void {
    this.overlay = new DocumentTable();
    this.pending = new DocumentTable();
    this.pendingEvents = 0;
    this.last = null;
  }

  private async load(
    missing: Map<string, Set<string>>,
    into: DocumentTable<ReadDocument | null>,
  ): Promise<void> {
    for (const [collectionName, idSet] of missing) {
      const ids = [...idSet];
      const collection = this.readStore.collection(collectionName);
      for (let start = 0; start < ids.length; start += LOAD_CHUNK) {
        const chunk = ids.slice(start, start + LOAD_CHUNK);
        for (const id of chunk) into.set(collectionName, id, null);
        const found = await collection.find({ _id: { $in: chunk } });
        for (const document of found) into.set(collectionName, document._id, Object.freeze(document));
      }
    }
  }

  private checkCollection(event: RecordedEvent, collection: string, where: 'apply' | 'documentsFor'): void {
    if (!this.owned.has(collection)) {
      throw this.fail(
        event,
        where,
        `${where} named collection "${String(collection)}", which the projection does not own`,
      );
    }
  }

  private fail(event: RecordedEvent, field: string, message: string, cause?: unknown): ProjectionApplyError {
    return new ProjectionApplyError(
      `Projection ${this.projection.name}, event ${event.type} at position ${event.position} (${event.streamName}@${event.revision}): ${message}`,
      this.projection.name,
      event.position,
      field,
      cause === undefined ? undefined : { cause },
    );
  }
}

/**
 * Values by collection, then id. Nested maps rather than `collection + id` keys: a rebuild looks
 * documents up millions of times, and concatenated keys cost a string build and hash each time.
 */
class DocumentTable<V> {
  private readonly byCollection = new Map<string, Map<string, V>>();
  size = 0;

  has(collection: string, id: string): boolean {
    return this.byCollection.get(collection)?.has(id) ?? false;
  }

  get(collection: string, id: string): V | undefined {
    return this.byCollection.get(collection)?.get(id);
  }

  set(collection: string, id: string, value: V): void {
    let documents = this.byCollection.get(collection);
    if (!documents) this.byCollection.set(collection, (documents = new Map()));
    const before = documents.size;
    documents.set(id, value);
    this.size += documents.size - before;
  }

  /** Sets the value as the most recent, so that eviction takes the least recently written first. */
  refresh(collection: string, id: string, value: V): void {
    if (this.byCollection.get(collection)?.delete(id)) this.size--;
    this.set(collection, id, value);
  }

  clear(): void {
    this.byCollection.clear();
    this.size = 0;
  }

  evictOldest(count: number): void {
    // Oldest-first per collection, in proportion; Maps iterate in insertion order.
    for (const documents of this.byCollection.values()) {
      let quota = Math.ceil((count * documents.size) / Math.max(this.size, 1));
      for (const id of documents.keys()) {
        if (quota-- <= 0) break;
        documents.delete(id);
        this.size--;
      }
    }
  }

  forEach(visit: (collection: string, id: string, value: V) => void): void {
    for (const [collection, documents] of this.byCollection) {
      for (const [id, value] of documents) visit(collection, id, value);
    }
  }

  *values(): IterableIterator<V> {
    for (const documents of this.byCollection.values()) yield* documents.values();
  }
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
