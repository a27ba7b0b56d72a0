export {
  EsdbEventStore,
  connectEsdbEventStore,
  type EsdbEventStoreOptions,
} from './esdb-event-store.adapter';
export type { ReconnectPolicy } from './esdb-subscription';
