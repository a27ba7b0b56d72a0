export { openSqliteReadStore, SqliteReadStore, type SqliteReadStoreOptions } from './sqlite-read-store';
export { SqliteCollection } from './sqlite-collection';
export { MAX_DOCUMENT_BYTES } from '@fieldstream/read-store';
