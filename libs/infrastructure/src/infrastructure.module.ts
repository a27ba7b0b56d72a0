import type { DynamicModule, OnApplicationShutdown } from '@nestjs/common';
import type { EventStore } from '@fieldstream/event-store';
import type { ReadStore } from '@fieldstream/read-store';
import type { Redis } from 'ioredis';
import type { AppConfig } from './config/environment-variables';
import { APP_CONFIG, EVENT_STORE, READ_STORE, REDIS } from './infrastructure.tokens';
import { createRedisConnection } from './redis/create-redis-connection';
import { createEventStore, createReadStore } from './stores/create-stores';

const STORE_CLOSER = 'INFRASTRUCTURE_STORE_CLOSER';

/**
 * QUIT waits in the offline queue while Redis is unreachable, for ever: a shutdown during a Redis
 * outage would hang. Quit politely when connected (and briefly), otherwise just drop the socket.
 */
export async function closeRedis(redis: Redis, timeoutMs = 1_000): Promise<void> {
  if (redis.status !== 'ready') {
    redis.disconnect();
    return;
  }
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    redis.quit().catch(() => undefined),
    new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs))),
  ]);
  clearTimeout(timer);
  redis.disconnect();
}

/*
 * Written without decorators on purpose: the launcher loads this library through
 * `node -r @swc-node/register` without a decorator-enabled tsconfig, and must not need one.
 */

/**
 * The stores and Redis for a Nest application, chosen from the configuration. Global so that
 * feature modules inject EVENT_STORE / READ_STORE without importing this module each time.
 */
export class InfrastructureModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: InfrastructureModule,
      global: true,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: EVENT_STORE, useFactory: () => createEventStore(config) },
        { provide: READ_STORE, useFactory: () => createReadStore(config) },
        { provide: REDIS, useFactory: () => createRedisConnection(config) },
        {
          provide: STORE_CLOSER,
          inject: [EVENT_STORE, READ_STORE, REDIS],
          // onApplicationShutdown runs after every beforeApplicationShutdown hook, i.e. after the
          // worker has finished its jobs and its projection batch with these stores.
          useFactory: (
            eventStore: EventStore,
            readStore: ReadStore,
            redis: Redis,
          ): OnApplicationShutdown => ({
            async onApplicationShutdown() {
              await Promise.allSettled([eventStore.close(), readStore.close(), closeRedis(redis)]);
            },
          }),
        },
      ],
      exports: [APP_CONFIG, EVENT_STORE, READ_STORE, REDIS],
    };
  }
}
