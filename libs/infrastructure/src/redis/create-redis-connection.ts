import { Redis, type RedisOptions } from 'ioredis';
import type { AppConfig } from '../config/environment-variables';

/**
 * A general-purpose connection (status key, health probe). Every command gives up after a second
 * while Redis is down instead of waiting for ever, so a health check answers "down" rather than
 * hanging; the offline queue stays on so the first commands after start wait for the connection.
 * BullMQ makes its own connections from the URL: its workers need the opposite settings.
 */
export function createRedisConnection(
  config: Pick<AppConfig, 'redisUrl'>,
  options: RedisOptions = {},
): Redis {
  return new Redis(config.redisUrl, {
    lazyConnect: false,
    commandTimeout: 1_000,
    maxRetriesPerRequest: 1,
    connectTimeout: 2_000,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
    ...options,
  });
}
