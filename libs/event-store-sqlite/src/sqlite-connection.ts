import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { EventStoreUnavailableError } from '@fieldstream/event-store';
import { EVENTS_SCHEMA, SCHEMA_VERSION } from './sqlite-schema';
import { backoffMs, isBusyError, sleep } from './sqlite-busy';

export interface ConnectionOptions {
  file: string;
  busyTimeoutMs: number;
  /** How long opening may keep retrying while other processes hold the file. */
  openDeadlineMs: number;
}

/**
 * Opens the file in WAL mode with `synchronous=FULL` and creates the schema. Several processes
 * may open a brand-new file at the same moment: switching to WAL needs an exclusive lock and
 * can fail with SQLITE_BUSY (or silently keep the old mode) while another opener holds it, and
 * two schema creations can collide; each attempt is retried from scratch.
 */
export async function openConnection(options: ConnectionOptions): Promise<Database.Database> {
  mkdirSync(dirname(options.file), { recursive: true });
  const deadline = Date.now() + options.openDeadlineMs;
  for (let attempt = 0; ; attempt++) {
    let db: Database.Database | undefined;
    try {
      db = new Database(options.file, { timeout: options.busyTimeoutMs });
      const mode = db.pragma('journal_mode = WAL', { simple: true });
      if (mode !== 'wal')
        throw Object.assign(new Error(`journal_mode stayed ${String(mode)}`), { code: 'SQLITE_BUSY' });
      db.pragma('synchronous = FULL');
      const version = db.pragma('user_version', { simple: true });
      if (version !== SCHEMA_VERSION) {
        db.exec('BEGIN IMMEDIATE');
        try {
          db.exec(EVENTS_SCHEMA);
          db.pragma(`user_version = ${SCHEMA_VERSION}`);
          db.exec('COMMIT');
        } catch (error) {
          if (db.inTransaction) db.exec('ROLLBACK');
          throw error;
        }
      }
      return db;
    } catch (error) {
      db?.close();
      if (!isBusyError(error)) throw error;
      if (Date.now() >= deadline) {
        throw new EventStoreUnavailableError(
          `Could not open ${options.file}: still locked by another process`,
          {
            cause: error,
          },
        );
      }
      await sleep(backoffMs(attempt));
    }
  }
}
