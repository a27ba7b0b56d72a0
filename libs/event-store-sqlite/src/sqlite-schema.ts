/**
 * One table. `position` is the rowid: SQLite gives max(rowid) + 1 under the write lock, and rows
 * are never deleted, so positions start at 1 and only grow. `append_last_revision` lets an
 * idempotent re-append answer the first append's result without a second table. Event ids are
 * kept as given (a read answers the id the caller chose) but compare with NOCASE, in the unique
 * index and in every lookup, since a UUID in upper or lower case is one id.
 */
export const EVENTS_SCHEMA = `
CREATE TABLE IF NOT EXISTS events (
  position INTEGER PRIMARY KEY,
  stream_name TEXT NOT NULL,
  revision INTEGER NOT NULL,
  event_id TEXT NOT NULL COLLATE NOCASE,
  event_type TEXT NOT NULL,
  data TEXT NOT NULL,
  metadata TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  append_last_revision INTEGER NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS events_by_stream ON events (stream_name, revision);
CREATE UNIQUE INDEX IF NOT EXISTS events_by_id ON events (stream_name, event_id);
CREATE INDEX IF NOT EXISTS events_by_type ON events (event_type, position);
`;

export const SCHEMA_VERSION = 1;

/**
 * A row of `SELECT ${EVENT_COLUMNS}` read in raw mode: an array, not an object. Reads build no
 * per-row object with named keys, which makes paging the log about 1.6 times faster (replays and
 * rebuilds spend most of their time there).
 */
export type EventRow = [
  position: number,
  streamName: string,
  revision: number,
  eventId: string,
  eventType: string,
  data: string,
  metadata: string,
  recordedAt: string,
];

export const EVENT_COLUMNS =
  'position, stream_name, revision, event_id, event_type, data, metadata, recorded_at';

/**
 * The JSON text of a row's RecordedEvent, written by SQLite: the keys in the order toRecordedEvent
 * gives them, `data` and `metadata` embedded as stored. One JSON.parse of a page of these costs
 * about what parsing those two columns row by row costs, and the page travels between threads as
 * one string. A row whose `data` or `metadata` is not strict JSON (json_valid; the store only
 * writes JSON.stringify's output) gives NULL instead, for the reader to fall back on the row
 * mapper and its error.
 */
export const EVENT_JSON_COLUMN = `CASE WHEN json_valid(data) AND json_valid(metadata) THEN
  '{"id":' || json_quote(event_id) || ',"type":' || json_quote(event_type) ||
  ',"data":' || data || ',"metadata":' || metadata ||
  ',"streamName":' || json_quote(stream_name) || ',"revision":' || revision ||
  ',"position":' || position || ',"recordedAt":' || json_quote(recorded_at) || '}' END`;
