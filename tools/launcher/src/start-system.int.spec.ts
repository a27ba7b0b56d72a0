import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startRedis, tempDir, type TempDir, type TestRedis } from '@fieldstream/testing';
import { Redis } from 'ioredis';
import { redisAnswers } from './ensure-redis';
import { type RunningSystem, startSystem } from './start-system';

describe('startSystem', () => {
  let dir: TempDir;
  let redis: TestRedis;
  let system: RunningSystem | undefined;
  const lines: string[] = [];

  beforeAll(async () => {
    dir = await tempDir();
    redis = await startRedis();
  });
  afterAll(async () => {
    await system?.stop();
    await redis.stop();
    await dir.remove();
  });

  it('starts api and worker as processes, ready on /api/health, and stops both gracefully', async () => {
    system = await startSystem({
      port: 0,
      dataDir: dir.path,
      redisUrl: redis.url,
      env: {
        QUEUE_PREFIX: 'launcher-test',
        WORKER_STATUS_INTERVAL_MS: '300',
        DESK_DIST: join(dir.path, 'no-desk'),
      },
      log: (line, source) => lines.push(`${source} ${line}`),
    });
    expect(system.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const health = await fetch(`${system.url}/api/health`);
    expect(health.status).toBe(200);
    expect(existsSync(join(dir.path, 'events.sqlite'))).toBe(true);
    expect(existsSync(join(dir.path, 'read-models.sqlite'))).toBe(true);
    expect(lines.some((line) => line.startsWith('api ') && line.includes('API listening'))).toBe(true);

    const client = new Redis(redis.url);
    try {
      expect(await client.keys('launcher-test:worker-status:*')).toHaveLength(1);
      await system.stop();
      // The worker withdrew its status on SIGTERM: proof it shut down through its own path.
      expect(await client.keys('launcher-test:worker-status:*')).toHaveLength(0);
    } finally {
      client.disconnect();
    }
    await expect(fetch(`${system.url}/api/health`)).rejects.toThrow();
    expect(lines.some((line) => line.startsWith('worker ') && line.includes('Worker stopped'))).toBe(true);
    // A requested stop is not a crash.
    await expect(system.exited).resolves.toBeUndefined();
    await system.stop();
    system = undefined;
  }, 90_000);

  it('reports a child that dies after start-up, with its signal and log tail, and stops the other', async () => {
    system = await startSystem({
      port: 0,
      dataDir: dir.path,
      redisUrl: redis.url,
      env: {
        QUEUE_PREFIX: 'launcher-crash',
        WORKER_STATUS_INTERVAL_MS: '300',
        DESK_DIST: join(dir.path, 'no-desk'),
      },
      log: () => undefined,
    });
    const { worker, api } = system.pids;
    expect(worker).toEqual(expect.any(Number));
    process.kill(worker as number, 'SIGKILL');

    const crash = await system.exited;
    expect(crash).toMatchObject({ process: 'worker', code: null, signal: 'SIGKILL' });
    expect(crash?.tail.length).toBeGreaterThan(0);
    expect(crash?.tail.every((line) => line.startsWith('[worker] '))).toBe(true);
    expect(crash?.report).toMatch(
      /^The worker exited unexpectedly \(SIGKILL\); stopping the api\.\nLast lines of the worker:\n\[worker\] /,
    );
    // The api was stopped, not left serving half a system.
    await expect(fetch(`${system.url}/api/health`)).rejects.toThrow();
    expect(() => process.kill(api as number, 0)).toThrow();
    system = undefined;
  }, 90_000);

  it("fails with the child's output when a process cannot start", async () => {
    await expect(
      startSystem({
        port: 0,
        dataDir: dir.path,
        redisUrl: redis.url,
        env: { LOG_LEVEL: 'shouty' },
        log: () => undefined,
      }),
    ).rejects.toThrow(/exited \(code 1\) before the system was ready[\s\S]*LOG_LEVEL: must be one of/);
  }, 90_000);
});

describe('redisAnswers', () => {
  it('says yes for a live Redis and no for a closed port, quickly', async () => {
    const redis = await startRedis();
    expect(await redisAnswers(redis.url)).toBe(true);
    await redis.stop();
    const started = Date.now();
    expect(await redisAnswers(redis.url)).toBe(false);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
