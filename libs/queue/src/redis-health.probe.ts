import type { Redis } from 'ioredis';

export interface RedisHealth {
  up: boolean;
  /** Round trip of a PING, when up. */
  latencyMs?: number;
  /** `used_memory` from INFO memory, when up. */
  usedMemoryBytes?: number;
  error?: string;
}

/**
 * PING with latency, and memory use: Redis evicting or refusing writes under `maxmemory` is the
 * usual way queues silently lose jobs, so it is worth watching next to "is it up".
 */
export async function probeRedis(redis: Redis, timeoutMs = 1_000): Promise<RedisHealth> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    const started = process.hrtime.bigint();
    const pong = await Promise.race([redis.ping(), timeout]);
    const latencyMs = Number(process.hrtime.bigint() - started) / 1e6;
    if (pong !== 'PONG') return { up: false, error: `unexpected PING answer ${pong}` };
    const info = await Promise.race([redis.info('memory'), timeout]);
    const match = /^used_memory:(\d+)/m.exec(info);
    return {
      up: true,
      latencyMs: Math.round(latencyMs * 1000) / 1000,
      ...(match?.[1] ? { usedMemoryBytes: Number(match[1]) } : {}),
    };
  } catch (error) {
    return { up: false, error: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}
