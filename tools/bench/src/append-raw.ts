import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import type { EventMetadata, JsonObject } from '@fieldstream/event-store';
import { EVENTS_SCHEMA } from '@fieldstream/event-store-sqlite/src/sqlite-schema';

export const RAW_INSERT_SQL = `INSERT INTO events
  (stream_name, revision, event_id, event_type, data, metadata, recorded_at, append_last_revision)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?)`;

/** The same event body for both sides of the comparison. */
export function appendScenarioPayload(n: number): { data: JsonObject; metadata: EventMetadata } {
  const correlationId = randomUUID();
  return {
    data: { workOrderId: `wo-${n}`, status: 'scheduled', technicianId: 'tech-42', sequence: n },
    metadata: {
      correlationId,
      causationId: correlationId,
      actorId: 'user-7',
      actorRole: 'dispatcher',
      occurredAt: new Date().toISOString(),
    },
  };
}

/**
 * The physical limit: rows as the event store writes them (same table, same indexes, data and
 * metadata serialized per row), inserted by hand with `rowsPerTransaction` rows per
 * BEGIN IMMEDIATE ... COMMIT, until `until`.
 */
export function insertRawRows(
  file: string,
  rowsPerTransaction: number,
  until: number,
  progress: (rows: number) => void,
): number {
  const db = new Database(file, { timeout: 5000 });
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.exec(EVENTS_SCHEMA);
    const insert = db.prepare(RAW_INSERT_SQL);
    let rows = 0;
    while (Date.now() < until) {
      const recordedAt = new Date().toISOString();
      const last = rows + rowsPerTransaction - 1;
      db.exec('BEGIN IMMEDIATE');
      for (let i = 0; i < rowsPerTransaction; i++) {
        const { data, metadata } = appendScenarioPayload(rows);
        insert.run(
          'bench-0',
          rows,
          randomUUID(),
          'BenchEventAppended',
          JSON.stringify(data),
          JSON.stringify(metadata),
          recordedAt,
          last,
        );
        rows++;
      }
      db.exec('COMMIT');
      progress(rows);
    }
    return rows;
  } finally {
    db.close();
  }
}
