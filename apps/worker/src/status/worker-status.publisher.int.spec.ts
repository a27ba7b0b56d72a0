import { closedPort } from '@fieldstream/network';
import { EventStoreDBClient } from '@eventstore/db-client';
import { EsdbEventStore } from '@fieldstream/event-store-esdb';
import {
  APP_CONFIG,
  EVENT_STORE,
  loadConfig,
  READ_STORE,
  readWorkerStatuses,
  REDIS,
} from '@fieldstream/infrastructure';
import { streamCatalogueProjection } from '@fieldstream/projections';
import type { ReadStore } from '@fieldstream/read-store';
import { openSqliteReadStore } from '@fieldstream/read-store-sqlite';
import { startRedis, tempDir, type TempDir, type TestRedis, waitFor } from '@fieldstream/testing';
import { type INestApplicationContext, Logger, Module } from '@nestjs/common';
import { DiscoveryModule, NestFactory } from '@nestjs/core';
import { Redis } from 'ioredis';
import { JobWorkersService } from '../jobs/job-workers.service';
import { PROJECTIONS, ProjectionRunnerService } from '../projections/projection-runner.service';
import { WorkerLifecycle } from '../worker-lifecycle.service';
import { WorkerStatusPublisher } from './worker-status.publisher';

/**
 * The worker's own status services over an EventStoreDB that is down. The production module
 * refuses to start without a server (its connection probe), so this one wires the same classes
 * to a real client whose connection is refused: the subscription keeps reconnecting, which is
 * exactly what a worker meets when EventStoreDB goes away under it.
 */
describe('worker status with EventStoreDB unreachable', () => {
  const prefix = 'wdown';
  let dir: TempDir;
  let redisServer: TestRedis;
  let redis: Redis;
  let serviceRedis: Redis;
  let client: EventStoreDBClient;
  let readStore: ReadStore;
  let app: INestApplicationContext | undefined;

  beforeAll(async () => {
    Logger.overrideLogger(false);
    dir = await tempDir();
    redisServer = await startRedis();
    redis = new Redis(redisServer.url);
    client = EventStoreDBClient.connectionString(`esdb://127.0.0.1:${await closedPort()}?tls=false`);
    readStore = await openSqliteReadStore({ file: `${dir.path}/read.sqlite` });
    const config = loadConfig({
      DATA_DIR: dir.path,
      REDIS_URL: redisServer.url,
      QUEUE_PREFIX: prefix,
      WORKER_STATUS_INTERVAL_MS: '100',
      LOG_LEVEL: 'fatal',
    });
    serviceRedis = new Redis(redisServer.url);
    @Module({
      imports: [DiscoveryModule],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: REDIS, useValue: serviceRedis },
        {
          provide: EVENT_STORE,
          useValue: new EsdbEventStore(client, { reconnect: { initialDelayMs: 20, maxDelayMs: 100 } }),
        },
        { provide: READ_STORE, useValue: readStore },
        { provide: PROJECTIONS, useValue: [streamCatalogueProjection] },
        ProjectionRunnerService,
        JobWorkersService,
        WorkerStatusPublisher,
        WorkerLifecycle,
      ],
    })
    class DownWorkerModule {}
    app = await NestFactory.createApplicationContext(DownWorkerModule, {
      logger: false,
      abortOnError: false,
    });
    await app.init();
    await app.get(WorkerLifecycle).start();
  });

  afterAll(async () => {
    // The lifecycle's shutdown withdraws the status through serviceRedis: close that after it.
    await app?.close();
    serviceRedis?.disconnect();
    await readStore?.close();
    await client?.dispose();
    redis?.disconnect();
    await redisServer?.stop();
    await dir?.remove();
  });

  it('reports the subscription as not alive, with its reconnects and last error', async () => {
    const report = await waitFor(
      async () => {
        const [status] = await readWorkerStatuses(redis, prefix);
        const projection = status?.projections[0] as { subscription?: { reconnects: number } } | undefined;
        return status?.phase === 'running' && (projection?.subscription?.reconnects ?? 0) >= 2
          ? status
          : undefined;
      },
      { description: 'a status report with the subscription reconnecting' },
    );
    expect(report.subscription).toEqual({ alive: false, states: { 'stream-catalogue': 'disconnected' } });
    expect(report.projections[0]).toMatchObject({
      name: 'stream-catalogue',
      state: 'disconnected',
      lagMs: null,
      subscription: { state: 'reconnecting', lastError: expect.stringMatching(/UNAVAILABLE|ECONNREFUSED/) },
    });
    expect(report.eventStore.ok).toBe(false);
  });
});
