import type { CollectionWrite } from './document-write';
import { InvalidQueryError } from './errors';
import type { Filter, FindOptions, IndexSpec, Projection, Sort, Update } from './query';
import {
  compileFilter,
  compileProjection,
  compileUpdate,
  isPlainObject,
  parsePath,
  parseSort,
} from './semantics';

/**
 * Validation shared by every adapter, so that each refuses the same input with the same
 * InvalidQueryError path before reaching its driver. Where an adapter hands the query to a
 * driver, the answer is the query as the driver should receive it.
 */
export function validateFilter(filter: Filter | undefined): Filter {
  compileFilter(filter);
  return filter ?? {};
}

/**
 * The checked sort, with `_id` appended as the last tie-breaker (in the last key's direction)
 * unless named: MongoDB leaves ties in no defined order, and both adapters must page alike.
 */
export function validateSort(sort: Sort | undefined): Sort | undefined {
  const keys = parseSort(sort);
  if (keys.length === 0) return undefined;
  const out: Sort = {};
  for (const key of keys) out[key.path] = key.direction;
  return out;
}

/** The checked projection; an empty one is none. */
export function validateProjection(projection: Projection | undefined): Projection | undefined {
  return compileProjection(projection) === null ? undefined : projection;
}

/** The checked options, sort completed by its `_id` tie-breaker and empty parts left out. */
export function validateFindOptions(options: FindOptions | undefined): FindOptions {
  if (options === undefined) return {};
  if (!isPlainObject(options as unknown))
    throw new InvalidQueryError('options: must be an object', 'options');
  const out: FindOptions = {};
  const sort = validateSort(options.sort);
  if (sort) out.sort = sort;
  const projection = validateProjection(options.projection);
  if (projection) out.projection = projection;
  for (const name of ['skip', 'limit'] as const) {
    const value = options[name];
    if (value === undefined) continue;
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
      throw new InvalidQueryError(`${name}: must be a non-negative integer`, name);
    }
    out[name] = value;
  }
  return out;
}

/** Checks the update's shape; conflicts with the stored document (`$inc` on a string) surface when applied. */
export function validateUpdate(update: Update): Update {
  compileUpdate(update);
  return update;
}

export function validateIndexSpec(spec: IndexSpec, where = 'index'): void {
  if (typeof spec !== 'object' || spec === null || typeof spec.keys !== 'object' || spec.keys === null) {
    throw new InvalidQueryError(`${where}.keys: must be an object`, `${where}.keys`);
  }
  const entries = Object.entries(spec.keys);
  if (entries.length === 0)
    throw new InvalidQueryError(`${where}.keys: must name at least one path`, `${where}.keys`);
  for (const [path, direction] of entries) {
    const at = `${where}.keys.${path}`;
    if (direction !== 1 && direction !== -1) throw new InvalidQueryError(`${at}: must be 1 or -1`, at);
    parsePath(path, at);
  }
  if (
    spec.name !== undefined &&
    (typeof spec.name !== 'string' || !/^[A-Za-z0-9_.-]{1,120}$/.test(spec.name))
  ) {
    throw new InvalidQueryError(`${where}.name: letters, digits, _ . - only, at most 120`, `${where}.name`);
  }
  if (spec.unique !== undefined && typeof spec.unique !== 'boolean') {
    throw new InvalidQueryError(`${where}.unique: must be true or false`, `${where}.unique`);
  }
}

/** Every spec of an `ensureIndexes` call, each named `indexes.<i>` in errors. */
export function validateIndexes(indexes: readonly IndexSpec[]): readonly IndexSpec[] {
  if (!Array.isArray(indexes)) throw new InvalidQueryError('indexes: must be an array', 'indexes');
  indexes.forEach((spec, i) => validateIndexSpec(spec, `indexes.${i}`));
  return indexes;
}

export function validateWrite(write: CollectionWrite, where = 'write'): void {
  if (write?.op === 'update') validateUpdate(write.update);
  else if (!['insert', 'put', 'replace', 'delete'].includes((write as { op?: unknown })?.op as string)) {
    throw new InvalidQueryError(`${where}.op: unknown operation`, `${where}.op`);
  }
}
