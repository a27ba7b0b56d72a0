import { type ClientSession, type Db, MongoClient, type TransactionOptions } from 'mongodb';
import {
  type BulkWriteResult,
  CheckpointConflictError,
  DocumentNotFoundError,
  type DocumentWrite,
  InvalidQueryError,
  type ProjectionBatch,
  type ReadDocument,
  type ReadStore,
  type ReadStoreHealth,
  assertCollectionName,
  isPlainObject,
} from '@fieldstream/read-store';
import {
  ReadStoreUnavailableError,
  TransactionsUnsupportedError,
  isConnectionError,
  failedWriteIndex,
  isDuplicateKey,
  isRejectedUpdate,
  mapMongoError,
} from './mongo-errors';
import { MongoReadCollection } from './mongo-read-collection';
import { diagnoseRejectedUpdate } from './mongo-update-diagnosis';
import {
  EMPTY_RESULT,
  type StoredDocument,
  addResult,
  findMissingTarget,
  groupByCollection,
  idsToCheck,
  toBulkOperation,
  validateWrite,
} from './mongo-write-mapping';

export interface MongoReadStoreOptions {
  /** `mongodb://host:27017/?replicaSet=rs0` or `mongodb+srv://...`. */
  url: string;
  database: string;
  /** How long to look for a server before failing; the driver's 30 s default is too slow to fail. */
  serverSelectionTimeoutMS?: number;
}

const ADAPTER = 'mongodb';
const CHECKPOINTS = '_checkpoints';
const DATABASE_NAME = /^[^/\\. "$*<>:|?]{1,63}$/;

interface CheckpointDocument {
  _id: string;
  position: number;
  updatedAt: string;
}

/**
 * Projection batches and bulk writes run in multi-document transactions (snapshot reads,
 * majority commit), which only replica sets and sharded clusters have. On a standalone server
 * bulk writes stay ordered but not atomic, and projections are refused: their checkpoint must
 * move in the same atomic step as their documents, or a crash between the two would lose or
 * double an event's effect.
 */
const TRANSACTION_OPTIONS: TransactionOptions = {
  readConcern: { level: 'snapshot' },
  writeConcern: { w: 'majority' },
  readPreference: 'primary',
};

export class MongoReadStore implements ReadStore {
  private readonly checkpoints;

  constructor(
    private readonly client: MongoClient,
    private readonly db: Db,
    /** Replica set member or mongos: multi-document transactions are available. */
    readonly supportsTransactions: boolean,
  ) {
    this.checkpoints = db.collection<CheckpointDocument>(CHECKPOINTS);
  }

  collection<T extends ReadDocument = ReadDocument>(name: string): MongoReadCollection<T> {
    assertCollectionName(name);
    return new MongoReadCollection<T>(name, this.db.collection<StoredDocument>(name), this);
  }

  /** Ordered; all or nothing where transactions exist (see TRANSACTION_OPTIONS). */
  async applyWrites(writes: readonly DocumentWrite[]): Promise<BulkWriteResult> {
    if (writes.length === 0) return EMPTY_RESULT;
    if (!this.supportsTransactions) return this.guard(() => this.writeInOrder(writes, undefined));
    return this.inTransaction((session) => this.writeInOrder(writes, session));
  }

  async commitProjectionBatch(batch: ProjectionBatch): Promise<void> {
    const { projection, expectedCheckpoint, nextCheckpoint, writes } = validateBatch(batch);
    if (!this.supportsTransactions) throw new TransactionsUnsupportedError('commitProjectionBatch');
    try {
      await this.inTransaction(async (session) => {
        const current = await this.checkpoints.findOne({ _id: projection }, { session });
        const actual = current?.position ?? null;
        if (actual !== expectedCheckpoint)
          throw new CheckpointConflictError(projection, expectedCheckpoint, actual);
        await this.writeInOrder(writes, session);
        await this.moveCheckpoint(session, projection, expectedCheckpoint, nextCheckpoint);
      });
    } catch (error) {
      if (!(error instanceof CheckpointMovedMeanwhile)) throw error;
      throw new CheckpointConflictError(projection, expectedCheckpoint, await this.getCheckpoint(projection));
    }
  }

  /**
   * The compare-and-set is in the write too, not only in the read before it: two batches that both
   * passed the read cannot both move the checkpoint. Usually the loser meets a write conflict,
   * which withTransaction retries and the read then refuses; this catches the rest.
   */
  private async moveCheckpoint(
    session: ClientSession,
    projection: string,
    expected: number | null,
    next: number,
  ): Promise<void> {
    const updatedAt = new Date().toISOString();
    if (expected === null) {
      try {
        await this.checkpoints.insertOne({ _id: projection, position: next, updatedAt }, { session });
      } catch (error) {
        if (isDuplicateKey(error)) throw new CheckpointMovedMeanwhile();
        throw error;
      }
      return;
    }
    const moved = await this.checkpoints.updateOne(
      { _id: projection, position: expected },
      { $set: { position: next, updatedAt } },
      { session },
    );
    if (moved.matchedCount === 0) throw new CheckpointMovedMeanwhile();
  }

  async getCheckpoint(projection: string): Promise<number | null> {
    validateProjectionName(projection);
    const document = await this.guard(() => this.checkpoints.findOne({ _id: projection }));
    return document?.position ?? null;
  }

  async resetProjection(projection: string, collections: readonly string[]): Promise<void> {
    validateProjectionName(projection);
    if (!Array.isArray(collections))
      throw new InvalidQueryError('collections: must be an array', 'collections');
    collections.forEach((name) => assertCollectionName(name));
    const reset = async (session: ClientSession | undefined): Promise<void> => {
      for (const name of collections) await this.db.collection(name).deleteMany({}, { session });
      await this.checkpoints.deleteOne({ _id: projection }, { session });
    };
    if (this.supportsTransactions) await this.inTransaction(reset);
    else await this.guard(() => reset(undefined));
  }

  async health(): Promise<ReadStoreHealth> {
    try {
      await this.db.command({ ping: 1 });
      return {
        ok: true,
        adapter: ADAPTER,
        detail: `${this.db.databaseName}${this.supportsTransactions ? '' : ' (standalone: projections unsupported)'}`,
      };
    } catch (error) {
      return { ok: false, adapter: ADAPTER, detail: error instanceof Error ? error.message : String(error) };
    }
  }

  async close(): Promise<void> {
    await this.client.close();
  }

  get databaseName(): string {
    return this.db.databaseName;
  }

  /** Drops a whole database on this server: for tests that made throwaway ones. */
  async dropDatabaseNamed(name: string): Promise<void> {
    await this.client.db(name).dropDatabase();
  }

  /**
   * `withTransaction` retries the whole callback on TransientTransactionError (a write conflict,
   * a primary step-down) and the commit on UnknownTransactionCommitResult, as the driver's
   * convenient API does. Errors we throw inside (ours, or driver errors already mapped) are not
   * MongoErrors: they abort the transaction and come out as they are.
   */
  private async inTransaction<R>(work: (session: ClientSession) => Promise<R>): Promise<R> {
    return this.guard(async () => {
      const session = this.client.startSession();
      try {
        return await session.withTransaction(work, TRANSACTION_OPTIONS);
      } finally {
        await session.endSession();
      }
    });
  }

  private async writeInOrder(
    writes: readonly DocumentWrite[],
    session: ClientSession | undefined,
  ): Promise<BulkWriteResult> {
    const toCheck = idsToCheck(writes);
    const existing = new Map<string, Set<string>>();
    for (const [collection, ids] of toCheck) {
      const found = await this.db
        .collection<StoredDocument>(collection)
        .find({ _id: { $in: [...ids] } }, { projection: { _id: 1 }, session })
        .toArray();
      existing.set(collection, new Set(found.map((document) => document._id)));
    }
    const missing = findMissingTarget(writes, (collection, id) => existing.get(collection)?.has(id) ?? false);
    if (missing !== undefined) throw new DocumentNotFoundError(missing.collection, missing.id);
    let total = EMPTY_RESULT;
    for (const group of groupByCollection(writes)) {
      try {
        const result = await this.db
          .collection<StoredDocument>(group.collection)
          .bulkWrite(group.writes.map(toBulkOperation), { ordered: true, session });
        total = addResult(total, result);
      } catch (error) {
        // Only the caller's mistakes are mapped here; transient errors must reach withTransaction.
        if (isDuplicateKey(error)) throw mapMongoError(error, { collection: group.collection });
        if (isRejectedUpdate(error)) {
          const failed = group.writes[failedWriteIndex(error) ?? -1];
          let updatePath: string | undefined;
          if (failed?.op === 'update') {
            // Read outside the transaction, which the server has aborted: the committed document.
            const current = await this.db
              .collection<StoredDocument>(group.collection)
              .findOne({ _id: failed.id })
              .catch(() => null);
            updatePath = diagnoseRejectedUpdate(current ?? {}, failed.update);
          }
          throw mapMongoError(error, { collection: group.collection, updatePath });
        }
        throw error;
      }
    }
    return total;
  }

  private async guard<R>(operation: () => Promise<R>): Promise<R> {
    try {
      return await operation();
    } catch (error) {
      throw mapMongoError(error, { collection: CHECKPOINTS });
    }
  }
}

/** Thrown inside the transaction when the checkpoint's compare-and-set write finds it moved. */
class CheckpointMovedMeanwhile extends Error {
  constructor() {
    super('The projection checkpoint moved during the batch');
  }
}

function validateProjectionName(projection: unknown): asserts projection is string {
  if (typeof projection !== 'string' || projection.length === 0 || projection.length > 200) {
    throw new InvalidQueryError('projection: must be a name of 1 to 200 characters', 'projection');
  }
}

function validateBatch(batch: unknown): ProjectionBatch {
  if (!isPlainObject(batch)) throw new InvalidQueryError('batch: must be an object', 'batch');
  validateProjectionName(batch['projection']);
  const expected = batch['expectedCheckpoint'];
  if (
    expected !== null &&
    (typeof expected !== 'number' || !Number.isSafeInteger(expected) || expected < 0)
  ) {
    throw new InvalidQueryError('expectedCheckpoint: must be null or an integer >= 0', 'expectedCheckpoint');
  }
  const next = batch['nextCheckpoint'];
  if (typeof next !== 'number' || !Number.isSafeInteger(next) || next < 0) {
    throw new InvalidQueryError('nextCheckpoint: must be an integer >= 0', 'nextCheckpoint');
  }
  const writes = batch['writes'];
  if (!Array.isArray(writes)) throw new InvalidQueryError('writes: must be an array', 'writes');
  writes.forEach((write, index) => validateWrite(write, `writes.${index}`));
  return batch as unknown as ProjectionBatch;
}

/**
 * Connects, checks the server answers within `serverSelectionTimeoutMS`, and learns whether it
 * can run transactions. A wrong address fails here with ReadStoreUnavailableError.
 */
export async function connectMongoReadStore(options: MongoReadStoreOptions): Promise<MongoReadStore> {
  if (!isPlainObject(options)) throw new TypeError('connectMongoReadStore: options must be an object');
  const { url, database } = options;
  if (typeof url !== 'string' || !/^mongodb(\+srv)?:\/\//.test(url)) {
    throw new TypeError(
      'connectMongoReadStore: url must be a MongoDB connection string (mongodb://... or mongodb+srv://...)',
    );
  }
  if (
    typeof database !== 'string' ||
    !DATABASE_NAME.test(database) ||
    database.includes(String.fromCharCode(0))
  ) {
    throw new TypeError(
      'connectMongoReadStore: database must be 1 to 63 characters without / \\ . space " $ * < > : | ?',
    );
  }
  const timeout = options.serverSelectionTimeoutMS ?? 10_000;
  if (!Number.isSafeInteger(timeout) || timeout <= 0) {
    throw new TypeError('connectMongoReadStore: serverSelectionTimeoutMS must be a positive integer');
  }
  let client: MongoClient;
  try {
    // ignoreUndefined: an undefined field is absent, as in JSON and the embedded adapter (not null).
    client = new MongoClient(url, {
      serverSelectionTimeoutMS: timeout,
      ignoreUndefined: true,
      appName: 'fieldstream',
    });
  } catch (error) {
    throw new TypeError(
      `connectMongoReadStore: url is not valid: ${error instanceof Error ? error.message : String(error)}`,
      {
        cause: error,
      },
    );
  }
  try {
    await client.connect();
    const db = client.db(database);
    const hello = (await db.command({ hello: 1 })) as { setName?: unknown; msg?: unknown };
    return new MongoReadStore(client, db, typeof hello.setName === 'string' || hello.msg === 'isdbgrid');
  } catch (error) {
    await client.close().catch(() => undefined);
    if (isConnectionError(error)) {
      throw new ReadStoreUnavailableError(
        `MongoDB at ${redact(url)} did not answer within ${timeout} ms: ${error instanceof Error ? error.message : String(error)}`,
        { cause: error },
      );
    }
    throw error;
  }
}

/** Connection strings may carry a password; errors must not. */
function redact(url: string): string {
  return url.replace(/\/\/[^@/]*@/, '//***@');
}
