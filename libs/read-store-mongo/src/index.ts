export {
  MongoReadStore,
  connectMongoReadStore,
  type MongoReadStoreOptions,
} from './mongo-read-store.adapter';
export { MongoReadCollection } from './mongo-read-collection';
export { ReadStoreUnavailableError, TransactionsUnsupportedError } from './mongo-errors';
