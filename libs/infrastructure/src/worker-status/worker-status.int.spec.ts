import { sleep, startRedis, type TestRedis } from '@fieldstream/testing';
import { Redis } from 'ioredis';
import {
  publishWorkerStatus,
  readWorkerStatuses,
  removeWorkerStatus,
  type WorkerStatusReport,
} from './worker-status';

function report(instanceId: string, reportedAt: string): WorkerStatusReport {
  return {
    instanceId,
    pid: 1,
    hostname: 'h',
    startedAt: reportedAt,
    reportedAt,
    phase: 'running',
    projectionsRunning: true,
    projections: [],
    subscription: { alive: true, states: {} },
    eventStore: { ok: true, adapter: 'sqlite' },
    queues: [],
    redis: { up: true },
  };
}

describe('worker status in Redis', () => {
  let server: TestRedis;
  let redis: Redis;
  beforeAll(async () => {
    server = await startRedis();
    redis = new Redis(server.url);
  });
  afterAll(async () => {
    redis.disconnect();
    await server.stop();
  });

  it('lists the reports of each instance under its prefix, and forgets them after the TTL', async () => {
    await publishWorkerStatus(redis, 'p1', report('b', '2026-01-01T00:00:02Z'), 100);
    await publishWorkerStatus(redis, 'p1', report('a', '2026-01-01T00:00:01Z'), 100);
    await publishWorkerStatus(redis, 'other', report('c', '2026-01-01T00:00:01Z'), 100);
    await redis.set('p1:worker-status:garbage', '{not json', 'PX', 10_000);
    expect((await readWorkerStatuses(redis, 'p1')).map((r) => r.instanceId)).toEqual(['a', 'b']);
    const ttl = await redis.pttl('p1:worker-status:a');
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(300);
    await sleep(350);
    expect(await readWorkerStatuses(redis, 'p1')).toEqual([]);
  });

  it('removes a report on a clean stop', async () => {
    await publishWorkerStatus(redis, 'p2', report('a', '2026-01-01T00:00:01Z'), 10_000);
    await removeWorkerStatus(redis, 'p2', 'a');
    expect(await readWorkerStatuses(redis, 'p2')).toEqual([]);
  });
});
