import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { backoffMs, isBusyError, sleep } from './sqlite-busy';

export interface OpenWalDatabaseOptions {
  /** Database file; it and its folder are created when missing. */
  file: string;
  /** SQLite's own wait for a lock (`busy_timeout`) on the connection returned. */
  busyTimeoutMs: number;
  /** How long opening may keep retrying while other processes hold the file. */
  openDeadlineMs: number;
  /** The store's durability choice: each adapter documents why it picks its level. */
  synchronous: 'FULL' | 'NORMAL';
  /**
   * Creates or checks the store's schema. It runs on every attempt, so it must be idempotent;
   * SQLITE_BUSY thrown from it makes the whole open start again on a fresh connection.
   */
  initialise: (db: Database.Database) => void;
}

/** Opening gave up: another process kept the file locked past the deadline. */
export class DatabaseLockedError extends Error {
  override readonly name = 'DatabaseLockedError';
}

/**
 * Opens the file in WAL mode. Several processes may open a brand-new file at the same moment:
 * switching to WAL needs an exclusive lock and can fail with SQLITE_BUSY, or answer with the old
 * mode, while another opener holds it; two schema creations can collide too. So the mode is read
 * back, not assumed, and each attempt starts again from a fresh connection until the deadline.
 * Readers in other processes only see each other's commits safely once the file is in WAL.
 */
export async function openWalDatabase(options: OpenWalDatabaseOptions): Promise<Database.Database> {
  mkdirSync(dirname(options.file), { recursive: true });
  const deadline = Date.now() + options.openDeadlineMs;
  for (let attempt = 0; ; attempt++) {
    let db: Database.Database | undefined;
    try {
      db = new Database(options.file, { timeout: options.busyTimeoutMs });
      const mode = db.pragma('journal_mode = WAL', { simple: true });
      if (mode !== 'wal') {
        throw Object.assign(new Error(`journal_mode stayed ${String(mode)} instead of wal`), {
          code: 'SQLITE_BUSY',
        });
      }
      db.pragma(`synchronous = ${options.synchronous}`);
      options.initialise(db);
      return db;
    } catch (error) {
      if (db?.inTransaction) db.exec('ROLLBACK');
      db?.close();
      if (!isBusyError(error)) throw error;
      if (Date.now() >= deadline) {
        throw new DatabaseLockedError(
          `Could not open ${options.file} in WAL mode: ${(error as Error).message}`,
          { cause: error },
        );
      }
      await sleep(backoffMs(attempt));
    }
  }
}
