import { pingRedis, startRedis } from './start-redis';

describe('startRedis', () => {
  it('starts a private redis that answers PING, and stop() ends it', async () => {
    const redis = await startRedis();
    expect(redis.port).not.toBe(6379);
    expect(redis.url).toBe(`redis://127.0.0.1:${redis.port}`);
    expect(await pingRedis(redis.port)).toBe(true);
    await redis.stop();
    expect(await pingRedis(redis.port)).toBe(false);
  });

  it('kill() ends it abruptly, and two instances live side by side', async () => {
    const [a, b] = await Promise.all([startRedis(), startRedis()]);
    expect(a.port).not.toBe(b.port);
    await a.kill();
    expect(await pingRedis(a.port)).toBe(false);
    expect(await pingRedis(b.port)).toBe(true);
    await b.stop();
  });

  it('fails clearly when the binary is missing', async () => {
    await expect(startRedis({ binary: '/nonexistent/redis-server' })).rejects.toThrow(/Cannot start/);
  });
});
