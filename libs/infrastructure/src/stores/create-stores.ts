import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { EventStore } from '@fieldstream/event-store';
import type { ReadStore } from '@fieldstream/read-store';
import type { AppConfig } from '../config/environment-variables';

/*
 * Adapters are loaded on demand: an embedded install never loads the MongoDB or gRPC drivers, and
 * a production one never opens SQLite.
 */

export async function createEventStore(config: Pick<AppConfig, 'eventStore'>): Promise<EventStore> {
  const target = config.eventStore;
  if (target.kind === 'esdb') {
    const { connectEsdbEventStore } = await import('@fieldstream/event-store-esdb');
    return connectEsdbEventStore({ connectionString: target.connectionString });
  }
  await mkdir(dirname(target.file), { recursive: true });
  const { openSqliteEventStore } = await import('@fieldstream/event-store-sqlite');
  return openSqliteEventStore({ file: target.file });
}

export async function createReadStore(config: Pick<AppConfig, 'readStore'>): Promise<ReadStore> {
  const target = config.readStore;
  if (target.kind === 'mongo') {
    const { connectMongoReadStore } = await import('@fieldstream/read-store-mongo');
    return connectMongoReadStore({ url: target.url, database: target.database });
  }
  await mkdir(dirname(target.file), { recursive: true });
  const { openSqliteReadStore } = await import('@fieldstream/read-store-sqlite');
  return openSqliteReadStore({ file: target.file });
}
