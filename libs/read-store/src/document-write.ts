import type { Update } from './query';
import type { ReadDocument } from './read-document';

/**
 * One write of a bulk write or a projection batch. Projections use `put` and `delete` only, so
 * that a rebuild from the log produces byte-for-byte the documents of the live run.
 */
export type DocumentWrite =
  | { op: 'insert'; collection: string; document: ReadDocument }
  /** Insert or replace the whole document. */
  | { op: 'put'; collection: string; document: ReadDocument }
  /** Replace an existing document; a missing one is an error. */
  | { op: 'replace'; collection: string; document: ReadDocument }
  /** Partial update; `upsert` creates `{ _id }` first when missing. */
  | { op: 'update'; collection: string; id: string; update: Update; upsert?: boolean }
  | { op: 'delete'; collection: string; id: string };

/** A write within one collection (`bulkWrite`): the union minus `collection`, kept discriminated. */
export type CollectionWrite = DocumentWrite extends infer W
  ? W extends DocumentWrite
    ? Omit<W, 'collection'>
    : never
  : never;

export interface BulkWriteResult {
  inserted: number;
  /** Documents replaced or updated (matched and changed or not). */
  modified: number;
  /** Documents created by put or by an upserting update. */
  upserted: number;
  deleted: number;
}
