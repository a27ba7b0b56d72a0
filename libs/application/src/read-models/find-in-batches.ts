import type { Filter, FindOptions, ReadCollection, ReadDocument } from '@fieldstream/read-store';

/**
 * A board asks for ~12,000 request ids at once. In batches of 500 the embedded store reads them
 * faster than in one `$in` (measured on 63,000 documents: 224 ms against 306 ms for 12,600 ids),
 * and a MongoDB filter stays far below its 16 MB document limit.
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
