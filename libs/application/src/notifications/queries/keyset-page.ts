import type { Filter, Projection, ReadCollection, ReadDocument } from '@fieldstream/read-store';
import { FieldValidationError } from '../../errors';

/**
 * An instant a client sent to page by (`before`), as the read models write theirs (ISO with
 * milliseconds, UTC), so that comparing the strings compares the instants.
 */
export function pagingInstant(value: string | undefined, field = 'before'): string | undefined {
  if (value === undefined) return undefined;
  const ms = Date.parse(value);
  if (!Number.isFinite(ms)) {
    throw new FieldValidationError(`${field} is not an instant`, [
      { field, code: 'invalid_instant', message: 'An instant, e.g. 2026-12-14T09:30:00.000Z' },
    ]);
  }
  return new Date(ms).toISOString();
}

/**
 * A page of documents, newest first by an instant field, and the `before` that gives the next one.
 * Paging by the instant alone would skip documents sharing the instant where a page ends (a
 * notifier stamps one event's notifications alike), so a page ending inside such a group takes
 * the whole group: a page may hold a few more than `limit`, and none is ever skipped or repeated.
 */
export async function keysetPage<T extends ReadDocument>(
  collection: ReadCollection<T>,
  filter: Filter,
  field: string,
  before: string | undefined,
  limit: number,
  projection?: Projection,
): Promise<{ documents: T[]; nextBefore?: string }> {
  const sort = { [field]: -1 as const, _id: -1 as const };
  const options = { sort, ...(projection && { projection }) };
  const where = before === undefined ? filter : { $and: [filter, { [field]: { $lt: before } }] };
  const found = await collection.find(where, { ...options, limit: limit + 1 });
  if (found.length <= limit) return { documents: found };
  const documents = found.slice(0, limit);
  const boundary = String(documents[documents.length - 1]![field]);
  if (String(found[limit]![field]) !== boundary) return { documents, nextBefore: boundary };
  const seen = new Set(documents.map((document) => document._id));
  const ties = await collection.find({ $and: [filter, { [field]: boundary }] }, options);
  documents.push(...ties.filter((document) => !seen.has(document._id)));
  // The group may have been all that was left.
  const more = await collection.findOne(
    { $and: [filter, { [field]: { $lt: boundary } }] },
    {
      projection: { _id: 1 },
    },
  );
  return more ? { documents, nextBefore: boundary } : { documents };
}
