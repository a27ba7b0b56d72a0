import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';

/** Deletes the lock only if it is still ours: an expired lock may have been taken by another call. */
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;

export interface JobIdLockOptions {
  /**
   * How long the lock holds if its holder dies. Must exceed the longest critical section (a few
   * round trips); past it, another call may enter and "last call wins" is no longer guaranteed.
   */
  ttlMs: number;
  /** How long a call waits for the lock before failing. */
  waitMs: number;
}

export const DEFAULT_JOB_ID_LOCK: JobIdLockOptions = { ttlMs: 15_000, waitMs: 10_000 };

/** Another call held the lock for a job id longer than the caller would wait. */
export class JobIdLockTimeoutError extends Error {
  override readonly name = 'JobIdLockTimeoutError';
  constructor(
    readonly key: string,
    waitedMs: number,
  ) {
    super(`Could not lock ${key} within ${waitedMs} ms: another scheduling call for this job id holds it`);
  }
}

/**
 * Runs `work` while holding a short Redis lock (SET NX PX with a random token), so that the
 * read-remove-add sequences of concurrent calls for one job id never interleave, across
 * processes too. Waiters poll with a growing, jittered pause; calls for one id are rare and short,
 * so this costs little, and calls for different ids never wait for each other.
 */
export async function withJobIdLock<T>(
  redis: Redis,
  key: string,
  work: () => Promise<T>,
  options: JobIdLockOptions = DEFAULT_JOB_ID_LOCK,
): Promise<T> {
  const token = randomUUID();
  const started = Date.now();
  let pauseMs = 2;
  while ((await redis.set(key, token, 'PX', options.ttlMs, 'NX')) !== 'OK') {
    if (Date.now() - started > options.waitMs) throw new JobIdLockTimeoutError(key, options.waitMs);
    await new Promise((resolve) => setTimeout(resolve, pauseMs + Math.random() * pauseMs));
    pauseMs = Math.min(pauseMs * 2, 50);
  }
  try {
    return await work();
  } finally {
    await redis.eval(RELEASE, 1, key, token);
  }
}
