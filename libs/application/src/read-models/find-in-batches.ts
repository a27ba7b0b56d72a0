import type { Filter, FindOptions, ReadCollection, ReadDocument } from '@fieldstream/read-store';

/**
 * The embedded store turns `$in` into one OR per value, and SQLite refuses an expression deeper
 * than 1000: a board's 12,000 request ids cannot go in one filter. Batches stay well below that.
 */
const BATCH = 500;

/**
 * The documents whose `path` holds one of `values` (and that match `also`), in as few reads as the
 * store's limits allow; unordered across batches, so the caller sorts what it shows.
 */
export async function findInBatches<T extends ReadDocument>(
  collection: ReadCollection<T>,
  path: string,
  values: readonly string[],
  also: Filter = {},
  options: Pick<FindOptions, 'projection'> = {},
): Promise<T[]> {
  const unique = [...new Set(values)];
  const batches: string[][] = [];
  for (let start = 0; start < unique.length; start += BATCH) batches.push(unique.slice(start, start + BATCH));
  const found = await Promise.all(
    batches.map((batch) => collection.find({ ...also, [path]: { $in: batch } }, options)),
  );
  return found.flat();
}
