import type { AnyBulkWriteOperation, BulkWriteResult as MongoBulkResult, UpdateFilter } from 'mongodb';
import {
  type BulkWriteResult,
  type DocumentWrite,
  InvalidQueryError,
  type ReadDocument,
  type Update,
  assertCollectionName,
  isPlainObject,
  validateDocument,
  validateUpdate,
} from '@fieldstream/read-store';

export type StoredDocument = ReadDocument;

/** Checks one write of a batch; `where` names it in errors (`writes.3`). */
export function validateWrite(write: unknown, where: string): DocumentWrite {
  if (!isPlainObject(write)) throw new InvalidQueryError(`${where}: must be an object`, where);
  assertCollectionName(write['collection']);
  const collection = write['collection'];
  switch (write['op']) {
    case 'insert':
    case 'put':
    case 'replace':
      validateDocument(collection, write['document']);
      break;
    case 'update':
      validateId(write['id'], `${where}.id`);
      validateUpdate(write['update'] as Update);
      if (write['upsert'] !== undefined && typeof write['upsert'] !== 'boolean') {
        throw new InvalidQueryError(`${where}.upsert: must be true or false`, `${where}.upsert`);
      }
      break;
    case 'delete':
      validateId(write['id'], `${where}.id`);
      break;
    default:
      throw new InvalidQueryError(
        `${where}.op: must be insert, put, replace, update or delete`,
        `${where}.op`,
      );
  }
  return write as unknown as DocumentWrite;
}

export function validateId(id: unknown, where = 'id'): asserts id is string {
  if (typeof id !== 'string' || id.length === 0)
    throw new InvalidQueryError(`${where}: must be a non-empty string`, where);
}

/**
 * The port's Update is MongoDB's own update language, already validated; the driver's generic
 * typing cannot see that through a string-indexed document type, hence the cast.
 */
export function toMongoUpdate(update: Update): UpdateFilter<StoredDocument> {
  return update as UpdateFilter<StoredDocument>;
}

export function idOf(write: DocumentWrite): string {
  return 'document' in write ? write.document._id : write.id;
}

/** The port's write as one operation of the driver's ordered bulk write. */
export function toBulkOperation(write: DocumentWrite): AnyBulkWriteOperation<StoredDocument> {
  switch (write.op) {
    case 'insert':
      return { insertOne: { document: write.document } };
    case 'put':
      return {
        replaceOne: { filter: { _id: write.document._id }, replacement: write.document, upsert: true },
      };
    case 'replace':
      return { replaceOne: { filter: { _id: write.document._id }, replacement: write.document } };
    case 'update':
      return {
        updateOne: {
          filter: { _id: write.id },
          update: toMongoUpdate(write.update),
          upsert: write.upsert === true,
        },
      };
    case 'delete':
      return { deleteOne: { filter: { _id: write.id } } };
  }
}

export const EMPTY_RESULT: BulkWriteResult = { inserted: 0, modified: 0, upserted: 0, deleted: 0 };

/** The port counts matched documents as modified, changed or not (MongoDB's modifiedCount does not). */
export function addResult(
  total: BulkWriteResult,
  result: Pick<MongoBulkResult, 'insertedCount' | 'matchedCount' | 'upsertedCount' | 'deletedCount'>,
): BulkWriteResult {
  return {
    inserted: total.inserted + result.insertedCount,
    modified: total.modified + result.matchedCount,
    upserted: total.upserted + result.upsertedCount,
    deleted: total.deleted + result.deletedCount,
  };
}

/** Consecutive writes to the same collection, so that order across collections is kept. */
export function groupByCollection(
  writes: readonly DocumentWrite[],
): { collection: string; writes: DocumentWrite[] }[] {
  const groups: { collection: string; writes: DocumentWrite[] }[] = [];
  for (const write of writes) {
    const last = groups[groups.length - 1];
    if (last !== undefined && last.collection === write.collection) last.writes.push(write);
    else groups.push({ collection: write.collection, writes: [write] });
  }
  return groups;
}

/**
 * Which replace / non-upserting update would meet a missing document, given the ids that exist
 * before the batch and the batch's own earlier writes. MongoDB would just match nothing; the port
 * wants DocumentNotFoundError before anything is written.
 */
export function findMissingTarget(
  writes: readonly DocumentWrite[],
  existsBefore: (collection: string, id: string) => boolean,
): { collection: string; id: string } | undefined {
  const known = new Map<string, boolean>();
  const key = (collection: string, id: string): string => `${collection}\u0000${id}`;
  const exists = (collection: string, id: string): boolean =>
    known.get(key(collection, id)) ?? existsBefore(collection, id);
  for (const write of writes) {
    const id = idOf(write);
    switch (write.op) {
      case 'insert':
      case 'put':
        known.set(key(write.collection, id), true);
        break;
      case 'delete':
        known.set(key(write.collection, id), false);
        break;
      case 'replace':
        if (!exists(write.collection, id)) return { collection: write.collection, id };
        break;
      case 'update':
        if (write.upsert === true) known.set(key(write.collection, id), true);
        else if (!exists(write.collection, id)) return { collection: write.collection, id };
        break;
    }
  }
  return undefined;
}

/** The ids whose existence `findMissingTarget` needs to know, per collection. */
export function idsToCheck(writes: readonly DocumentWrite[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const write of writes) {
    if (write.op !== 'replace' && !(write.op === 'update' && write.upsert !== true)) continue;
    const ids = out.get(write.collection) ?? new Set<string>();
    ids.add(idOf(write));
    out.set(write.collection, ids);
  }
  return out;
}
