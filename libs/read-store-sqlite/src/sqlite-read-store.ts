import type Database from 'better-sqlite3';
import {
  assertCollectionName,
  CheckpointConflictError,
  InvalidQueryError,
  type ProjectionBatch,
  type ReadDocument,
  type ReadStore,
  type ReadStoreHealth,
} from '@fieldstream/read-store';
import { openWalDatabase } from '@fieldstream/sqlite-support';
import { quoteIdentifier, SqliteCollection } from './sqlite-collection';

export interface SqliteReadStoreOptions {
  /** Database file; it and its folder are created when missing. */
  file: string;
  /** How long a writer waits for another process's lock before failing (default 10 s). */
  busyTimeoutMs?: number;
}

/**
 * How much of the file SQLite reads through a memory map (`mmap_size`) instead of `pread`. A
 * document above 1 KB keeps some 500 bytes in its table page and the rest on an overflow page of
 * its own (4 KB pages), so reading it is two page reads, each a system call and a copy out of the
 * OS cache with `pread`; mapped, SQLite reads the pages in place. Reading 12,600 documents of
 * 1.7 KB by `_id` out of 63,000 took ~600 ms of SQL with `pread`, ~150 ms mapped. 1 GiB because
 * those 63,000 documents already make a 300 MB file, and pages beyond the map are read with
 * `pread` again. It is address space, not memory: the mapped pages are the OS cache's own,
 * shared by every process that maps the file.
 *
 * Safe with WAL and several processes: SQLite maps the database file read-only and still writes
 * it with `write()` at checkpoints, which the OS's unified page cache shows to every mapping at
 * once, and the WAL itself is read with `pread`. What a map cannot survive is another process
 * truncating the file under it (a read past the end is SIGBUS, not an error); this file never
 * shrinks, since nothing runs VACUUM and auto_vacuum stays off.
 */
const MMAP_SIZE_BYTES = 1024 ** 3;

export async function openSqliteReadStore(options: SqliteReadStoreOptions): Promise<SqliteReadStore> {
  if (typeof options?.file !== 'string' || options.file.length === 0) {
    throw new TypeError('openSqliteReadStore: options.file must name a database file');
  }
  const busyTimeoutMs = options.busyTimeoutMs ?? 10_000;
  const db = await openWalDatabase({
    file: options.file,
    busyTimeoutMs,
    openDeadlineMs: busyTimeoutMs,
    // NORMAL, unlike the event store's FULL: in WAL mode it survives a crash of the process and
    // loses at most the last commits on power loss, and those are rebuilt from the event log,
    // whose checkpoint rolls back together with them (same transaction). It spares an fsync per batch.
    synchronous: 'NORMAL',
    initialise: (opened) =>
      opened.exec(
        'CREATE TABLE IF NOT EXISTS _checkpoints (projection TEXT NOT NULL PRIMARY KEY, position INTEGER NOT NULL) WITHOUT ROWID',
      ),
  });
  // Per connection, not stored in the file; see MMAP_SIZE_BYTES.
  db.pragma(`mmap_size = ${MMAP_SIZE_BYTES}`);
  return new SqliteReadStore(db, options.file);
}

export class SqliteReadStore implements ReadStore {
  private readonly collections = new Map<string, SqliteCollection>();
  private readonly readCheckpoint: Database.Statement<[string], { position: number }>;
  private readonly writeCheckpoint: Database.Statement<[string, number]>;
  private readonly deleteCheckpoint: Database.Statement<[string]>;
  private readonly commitBatch: (batch: ProjectionBatch) => void;

  constructor(
    private readonly db: Database.Database,
    private readonly file: string,
  ) {
    this.readCheckpoint = db.prepare('SELECT position FROM _checkpoints WHERE projection = ?');
    this.writeCheckpoint = db.prepare(
      'INSERT INTO _checkpoints (projection, position) VALUES (?, ?) ON CONFLICT (projection) DO UPDATE SET position = excluded.position',
    );
    this.deleteCheckpoint = db.prepare('DELETE FROM _checkpoints WHERE projection = ?');
    // IMMEDIATE takes the write lock before reading the checkpoint, so the compare and the set
    // cannot interleave with another process's batch, and no lock upgrade can fail at commit.
    const commit = db.transaction((batch: ProjectionBatch) => {
      const actual = this.readCheckpoint.get(batch.projection)?.position ?? null;
      if (actual !== batch.expectedCheckpoint) {
        throw new CheckpointConflictError(batch.projection, batch.expectedCheckpoint, actual);
      }
      for (const write of batch.writes) {
        this.collectionFor(write.collection).apply(write);
      }
      this.writeCheckpoint.run(batch.projection, batch.nextCheckpoint);
    });
    this.commitBatch = (batch) => commit.immediate(batch);
  }

  collection<T extends ReadDocument = ReadDocument>(name: string): SqliteCollection<T> {
    return this.collectionFor(name) as unknown as SqliteCollection<T>;
  }

  async commitProjectionBatch(batch: ProjectionBatch): Promise<void> {
    checkProjection(batch?.projection, 'batch.projection');
    if (batch.expectedCheckpoint !== null && !isPosition(batch.expectedCheckpoint)) {
      throw new InvalidQueryError(
        'batch.expectedCheckpoint: must be null or a non-negative integer',
        'batch.expectedCheckpoint',
      );
    }
    if (!isPosition(batch.nextCheckpoint)) {
      throw new InvalidQueryError(
        'batch.nextCheckpoint: must be a non-negative integer',
        'batch.nextCheckpoint',
      );
    }
    if (!Array.isArray(batch.writes))
      throw new InvalidQueryError('batch.writes: must be an array', 'batch.writes');
    // Creating tables is DDL: do it before the transaction so the batch itself only writes rows.
    for (const write of batch.writes) this.collectionFor(write?.collection);
    this.commitBatch(batch);
  }

  async getCheckpoint(projection: string): Promise<number | null> {
    checkProjection(projection, 'projection');
    return this.readCheckpoint.get(projection)?.position ?? null;
  }

  async resetProjection(projection: string, collections: readonly string[]): Promise<void> {
    checkProjection(projection, 'projection');
    if (!Array.isArray(collections))
      throw new InvalidQueryError('collections: must be an array', 'collections');
    const targets = collections.map((name) => this.collectionFor(name));
    this.db
      .transaction(() => {
        for (const target of targets) this.db.prepare(`DELETE FROM ${quoteIdentifier(target.name)}`).run();
        this.deleteCheckpoint.run(projection);
      })
      .immediate();
  }

  async health(): Promise<ReadStoreHealth> {
    try {
      this.db.prepare('SELECT 1').get();
      return { ok: true, adapter: 'sqlite', detail: this.file };
    } catch (error) {
      return { ok: false, adapter: 'sqlite', detail: (error as Error).message };
    }
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  private collectionFor(name: unknown): SqliteCollection {
    // Batches name the same few collections thousands of times: validate each name once.
    let collection = this.collections.get(name as string);
    if (!collection) {
      assertCollectionName(name);
      collection = new SqliteCollection(this.db, name);
      this.collections.set(name, collection);
    }
    return collection;
  }
}

function checkProjection(projection: unknown, where: string): void {
  if (typeof projection !== 'string' || projection.length === 0) {
    throw new InvalidQueryError(`${where}: must be a non-empty string`, where);
  }
}

function isPosition(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}
