import type { Redis } from 'ioredis';

/** Redis's own account of its memory (INFO memory: used_memory) and its number of keys. */
export async function redisMemory(redis: Redis): Promise<{ usedBytes: number; keys: number }> {
  const info = await redis.info('memory');
  const used = /^used_memory:(\d+)/m.exec(info)?.[1];
  if (used === undefined) throw new Error('INFO memory has no used_memory');
  return { usedBytes: Number(used), keys: await redis.dbsize() };
}

/** MEMORY USAGE of one key, all of it counted (SAMPLES 0); 0 when the key does not exist. */
export async function keyBytes(redis: Redis, key: string): Promise<number> {
  const bytes = (await redis.call('MEMORY', 'USAGE', key, 'SAMPLES', '0')) as number | null;
  return bytes ?? 0;
}

export const megabytes = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;

/** How many keys match a pattern (SCAN, so Redis keeps answering others meanwhile). */
export async function countKeys(redis: Redis, pattern: string): Promise<number> {
  let count = 0;
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
    count += keys.length;
    cursor = next;
  } while (cursor !== '0');
  return count;
}
