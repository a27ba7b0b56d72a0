import { startRedis } from '@fieldstream/testing';
import { Redis } from 'ioredis';
import { probeRedis } from './redis-health.probe';

describe('probeRedis', () => {
  it('reports up with latency and memory, then down once Redis is killed', async () => {
    const redis = await startRedis();
    const client = new Redis(redis.url, {
      commandTimeout: 500,
      maxRetriesPerRequest: 1,
      retryStrategy: () => 100,
    });
    try {
      const up = await probeRedis(client);
      expect(up.up).toBe(true);
      expect(up.latencyMs).toBeGreaterThanOrEqual(0);
      expect(up.usedMemoryBytes).toBeGreaterThan(100_000);

      await redis.kill();
      const down = await probeRedis(client, 800);
      expect(down.up).toBe(false);
      expect(down.error).toEqual(expect.any(String));
      expect(down.latencyMs).toBeUndefined();
    } finally {
      client.disconnect();
      await redis.stop();
    }
  });
});
