import type Database from 'better-sqlite3';
import { EventStoreUnavailableError } from '@fieldstream/event-store';
import { DatabaseLockedError, openWalDatabase } from '@fieldstream/sqlite-support';
import { EVENTS_SCHEMA, SCHEMA_VERSION } from './sqlite-schema';

export interface ConnectionOptions {
  file: string;
  busyTimeoutMs: number;
  /** How long opening may keep retrying while other processes hold the file. */
  openDeadlineMs: number;
}

/**
 * Opens the file in WAL mode and creates the schema. `synchronous=FULL`: the log is the system's
 * only record, so an append acknowledged to a caller must survive a power loss, not only a crash
 * of the process (NORMAL in WAL mode may lose the last commits on power loss).
 */
export async function openConnection(options: ConnectionOptions): Promise<Database.Database> {
  try {
    return await openWalDatabase({
      file: options.file,
      busyTimeoutMs: options.busyTimeoutMs,
      openDeadlineMs: options.openDeadlineMs,
      synchronous: 'FULL',
      initialise: createSchema,
    });
  } catch (error) {
    if (!(error instanceof DatabaseLockedError)) throw error;
    throw new EventStoreUnavailableError(`Could not open ${options.file}: still locked by another process`, {
      cause: error,
    });
  }
}

function createSchema(db: Database.Database): void {
  if (db.pragma('user_version', { simple: true }) === SCHEMA_VERSION) return;
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
