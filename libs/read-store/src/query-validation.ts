import type { CollectionWrite } from './document-write';
import { InvalidQueryError } from './errors';
import type { Filter, FindOptions, IndexSpec, Update } from './query';
import { compileFilter, compileProjection, compileUpdate, parsePath, parseSort } from './semantics';

/**
 * Validation shared by every adapter, so that each refuses the same input with the same
 * InvalidQueryError path before reaching its driver.
 */
export function validateFilter(filter: Filter | undefined): void {
  compileFilter(filter);
}

export function validateFindOptions(options: FindOptions | undefined): void {
  if (options === undefined) return;
  parseSort(options.sort);
  compileProjection(options.projection);
  for (const name of ['skip', 'limit'] as const) {
    const value = options[name];
    if (value !== undefined && (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0)) {
      throw new InvalidQueryError(`${name}: must be a non-negative integer`, name);
    }
  }
}

/** Checks the update's shape; conflicts with the stored document (`$inc` on a string) surface when applied. */
export function validateUpdate(update: Update): void {
  compileUpdate(update);
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
  if (spec.name !== undefined && !/^[A-Za-z0-9_.-]{1,120}$/.test(spec.name)) {
    throw new InvalidQueryError(`${where}.name: letters, digits, _ . - only, at most 120`, `${where}.name`);
  }
}

export function validateWrite(write: CollectionWrite, where = 'write'): void {
  if (write?.op === 'update') validateUpdate(write.update);
  else if (!['insert', 'put', 'replace', 'delete'].includes((write as { op?: unknown })?.op as string)) {
    throw new InvalidQueryError(`${where}.op: unknown operation`, `${where}.op`);
  }
}
