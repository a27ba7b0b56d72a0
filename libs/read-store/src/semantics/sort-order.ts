import { InvalidQueryError } from '../errors';
import type { Sort } from '../query';
import { compareValues, isPlainObject } from './bson-order';
import { collectSortValues, parsePath } from './field-path';

export interface SortKey {
  path: string;
  segments: string[];
  direction: 1 | -1;
}

/**
 * Validated sort keys, with `_id` appended as the last tie-breaker (in the last key's direction,
 * so that an index scanned backwards still serves it) unless the caller sorts on `_id`.
 */
export function parseSort(sort: Sort | undefined): SortKey[] {
  if (sort === undefined) return [];
  if (!isPlainObject(sort)) throw new InvalidQueryError('sort: must be an object', 'sort');
  const keys: SortKey[] = [];
  for (const [path, direction] of Object.entries(sort)) {
    const where = `sort.${path}`;
    if (direction !== 1 && direction !== -1) throw new InvalidQueryError(`${where}: must be 1 or -1`, where);
    keys.push({ path, segments: parsePath(path, where), direction });
  }
  if (keys.length > 0 && !keys.some((k) => k.path === '_id')) {
    keys.push({ path: '_id', segments: ['_id'], direction: (keys[keys.length - 1] as SortKey).direction });
  }
  return keys;
}

/**
 * MongoDB's sort key for one document: the value at the path, or for arrays the smallest element
 * ascending / the largest descending; missing sorts as null, an empty array below null.
 */
function sortValue(document: unknown, key: SortKey): { empty: boolean; value: unknown } {
  const { values, emptyArray } = collectSortValues(document, key.segments);
  if (emptyArray) return { empty: true, value: undefined };
  let best = values[0];
  for (let i = 1; i < values.length; i++) {
    const c = compareValues(values[i], best);
    if (key.direction === 1 ? c < 0 : c > 0) best = values[i];
  }
  return { empty: false, value: best };
}

/** Sorts in place; each document's keys are computed once, not at every comparison. */
export function sortDocuments<T>(documents: T[], keys: readonly SortKey[]): T[] {
  const keyed = documents.map((document) => ({ document, values: keys.map((k) => sortValue(document, k)) }));
  keyed.sort((a, b) => {
    for (let i = 0; i < keys.length; i++) {
      const x = a.values[i] as { empty: boolean; value: unknown };
      const y = b.values[i] as { empty: boolean; value: unknown };
      let c: number;
      if (x.empty || y.empty) c = x.empty === y.empty ? 0 : x.empty ? -1 : 1;
      else c = compareValues(x.value, y.value);
      if (c !== 0) return (keys[i] as SortKey).direction === 1 ? c : -c;
    }
    return 0;
  });
  keyed.forEach((k, i) => (documents[i] = k.document));
  return documents;
}
