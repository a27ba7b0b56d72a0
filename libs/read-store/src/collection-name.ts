import { InvalidCollectionNameError } from './errors';

const COLLECTION_NAME = /^[A-Za-z][A-Za-z0-9_.-]{0,119}$/;

/**
 * One syntax for both adapters: valid as a MongoDB collection name and safe to quote as an SQLite
 * table name. Names starting with `_` or `system.` are the stores' own.
 */
export function assertCollectionName(name: unknown): asserts name is string {
  if (typeof name !== 'string' || !COLLECTION_NAME.test(name) || name.startsWith('system.')) {
    throw new InvalidCollectionNameError(String(name));
  }
}
