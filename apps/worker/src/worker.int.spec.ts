import { newEvent } from '@fieldstream/projections/src/testing/recorded-event.factory';
import type { EventStore, JsonObject, NewEvent } from '@fieldstream/event-store';
import { openSqliteEventStore } from '@fieldstream/event-store-sqlite';
import {
  loadConfig,
  READ_STORE,
  readWorkerStatuses,
  type WorkerStatusReport,
} from '@fieldstream/infrastructure';
import { STREAM_CATALOGUE_COLLECTION } from '@fieldstream/projections';
import { JobScheduler, type JobContext, type JobHandler } from '@fieldstream/queue';
import type { ReadStore } from '@fieldstream/read-store';
import { startRedis, tempDir, type TempDir, type TestRedis, waitFor } from '@fieldstream/testing';
import { Injectable, Logger, Module } from '@nestjs/common';
import { Redis } from 'ioredis';
import { startWorker, type RunningWorker } from './create-worker';
import { QueueJobHandler } from './jobs/job-handler.decorator';

const handled: { data: JsonObject; id: string }[] = [];

@QueueJobHandler()
@Injectable()
class PingJob implements JobHandler {
  readonly queue = 'test-sagas';
  readonly jobName = 'ping';
  async handle(data: JsonObject, context: JobContext): Promise<void> {
    handled.push({ data, id: context.id });
  }
}

@Module({ providers: [PingJob] })
class PingFeatureModule {}

// Events to append, from the projections' test factory.
const event = (type: string, data: JsonObject = {}): NewEvent =>
  newEvent(type, data, new Date().toISOString());

describe('worker process', () => {
  let dir: TempDir;
  let redisServer: TestRedis;
  let redis: Redis;
  let worker: RunningWorker | undefined;
  let eventStore: EventStore;
  const prefix = 'wtest';

  beforeAll(async () => {
    Logger.overrideLogger(false);
    dir = await tempDir();
    redisServer = await startRedis();
    redis = new Redis(redisServer.url);
    const config = loadConfig({
      DATA_DIR: dir.path,
      REDIS_URL: redisServer.url,
      QUEUE_PREFIX: prefix,
      WORKER_STATUS_INTERVAL_MS: '200',
      LOG_LEVEL: 'fatal',
    });
    worker = await startWorker(config, {
      features: [PingFeatureModule],
      logger: { log() {}, error() {}, warn() {} },
    });
    // A second connection to the same file, as the API process has.
    eventStore = await openSqliteEventStore({
      file: config.eventStore.kind === 'sqlite' ? config.eventStore.file : '',
    });
  });

  afterAll(async () => {
    await worker?.stop();
    await eventStore?.close();
    redis?.disconnect();
    await redisServer?.stop();
    await dir?.remove();
  });

  it('projects appended events into the read store and reports the projection through Redis', async () => {
    await eventStore.appendToStream('service-request-1', [
      event('ServiceRequestOpened'),
      event('ServiceRequestTriaged'),
    ]);
    await eventStore.appendToStream('technician-7', [event('TechnicianHired')]);
    const head = await eventStore.headPosition();

    const readStore = worker!.app.get<ReadStore>(READ_STORE);
    const catalogue = readStore.collection(STREAM_CATALOGUE_COLLECTION);
    const document = await waitFor(
      async () => {
        const doc = await catalogue.get('service-request-1');
        return doc?.['eventCount'] === 2 ? doc : undefined;
      },
      { description: 'the stream catalogue document' },
    );
    expect(document).toMatchObject({
      category: 'service-request',
      lastRevision: 1,
      lastEventType: 'ServiceRequestTriaged',
    });
    expect(await catalogue.get('technician-7')).toMatchObject({ category: 'technician', eventCount: 1 });

    const report = await waitFor(
      async () => {
        const [status] = await readWorkerStatuses(redis, prefix);
        const projection = status?.projections.find((p) => p.name === 'stream-catalogue');
        return status && projection?.checkpoint === head && projection.state === 'live' ? status : undefined;
      },
      { description: 'a status report with the projection caught up' },
    );
    expect(report).toMatchObject<Partial<WorkerStatusReport>>({
      phase: 'running',
      projectionsRunning: true,
      subscription: { alive: true, states: { 'stream-catalogue': 'live' } },
      eventStore: expect.objectContaining({ ok: true }),
      redis: expect.objectContaining({ up: true }),
      queues: [{ queue: 'test-sagas', running: true, jobNames: ['ping'] }],
    });
    expect(report.projections[0]).toMatchObject({
      headPosition: head,
      lagEvents: 0,
      lagMs: 0,
      subscription: { state: 'live', reconnects: 0 },
    });
    expect(await redis.pttl(`${prefix}:worker-status:${report.instanceId}`)).toBeLessThanOrEqual(600);
  });

  it('runs the job handlers that feature modules declare', async () => {
    const scheduler = new JobScheduler({ redisUrl: redisServer.url, prefix });
    try {
      await scheduler.scheduleOnce('test-sagas', 'ping', 'ping.1', { hello: 'world' }, { runAt: new Date() });
      await waitFor(() => handled.length === 1, { description: 'the ping job' });
      expect(handled).toEqual([{ data: { hello: 'world' }, id: 'ping.1' }]);
    } finally {
      await scheduler.close();
    }
  });

  it('withdraws its status when stopped gracefully', async () => {
    expect(await readWorkerStatuses(redis, prefix)).toHaveLength(1);
    await worker!.stop();
    worker = undefined;
    expect(await readWorkerStatuses(redis, prefix)).toEqual([]);
  });
});
