import type { BulkWriteResult, CollectionWrite, DocumentWrite } from './document-write';
import type { Filter, FindOptions, IndexSpec, Update } from './query';
import type { ReadDocument } from './read-document';

export interface ReadCollection<T extends ReadDocument = ReadDocument> {
  readonly name: string;
  get(id: string): Promise<T | null>;
  /** Throws DuplicateKeyError when `_id` (or a unique index value) exists. */
  insert(document: T): Promise<void>;
  /** Throws DocumentNotFoundError when missing. */
  replace(document: T): Promise<void>;
  /** Insert or replace; answers whether it created the document. */
  put(document: T): Promise<{ created: boolean }>;
  /**
   * Partial update of one document; answers whether one matched (or was upserted). A missing
   * document is an answer here (matched: false), but an error (DocumentNotFoundError) as a write
   * of bulkWrite or of a projection batch.
   */
  update(id: string, update: Update, options?: { upsert?: boolean }): Promise<{ matched: boolean }>;
  delete(id: string): Promise<{ deleted: boolean }>;
  find(filter?: Filter, options?: FindOptions): Promise<T[]>;
  findOne(filter?: Filter, options?: Omit<FindOptions, 'limit'>): Promise<T | null>;
  count(filter?: Filter): Promise<number>;
  /** Idempotent: creates missing indexes, leaves existing ones. */
  ensureIndexes(indexes: readonly IndexSpec[]): Promise<void>;
  /**
   * Applies the writes in order and stops at the first failure, throwing its error. The embedded
   * adapter applies them in one transaction (all or nothing); other adapters may leave the writes
   * before the failing one applied, so callers must not rely on atomicity across adapters (the
   * projection path that needs it uses commitProjectionBatch).
   */
  bulkWrite(writes: readonly CollectionWrite[]): Promise<BulkWriteResult>;
  /** Removes every document (keeps indexes). */
  clear(): Promise<void>;
}

export interface ProjectionBatch {
  projection: string;
  /** The checkpoint the caller read; null when the projection has processed nothing yet. */
  expectedCheckpoint: number | null;
  /** Global position of the last event this batch covers. */
  nextCheckpoint: number;
  writes: readonly DocumentWrite[];
}

export interface ReadStoreHealth {
  ok: boolean;
  adapter: string;
  detail?: string;
}

/** The read store port: named collections of JSON documents, plus projection checkpoints. */
export interface ReadStore {
  collection<T extends ReadDocument = ReadDocument>(name: string): ReadCollection<T>;

  /**
   * Applies the writes and moves the projection's checkpoint from `expectedCheckpoint` to
   * `nextCheckpoint` in one atomic step: either everything or nothing is visible afterwards.
   * Throws CheckpointConflictError (writing nothing) when the stored checkpoint differs.
   */
  commitProjectionBatch(batch: ProjectionBatch): Promise<void>;

  /** Last committed checkpoint, or null. */
  getCheckpoint(projection: string): Promise<number | null>;

  /** Drops the collections' documents and the checkpoint, atomically where the store allows. */
  resetProjection(projection: string, collections: readonly string[]): Promise<void>;

  health(): Promise<ReadStoreHealth>;
  close(): Promise<void>;
}
