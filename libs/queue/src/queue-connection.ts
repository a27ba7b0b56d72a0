import type { ConnectionOptions } from 'bullmq';

export interface QueueSettings {
  redisUrl: string;
  /** Prefix of every BullMQ key, so installations can share one Redis. */
  prefix: string;
}

/**
 * BullMQ's workers block on Redis and must retry commands for ever across a Redis restart
 * (`maxRetriesPerRequest: null`, as BullMQ requires); BullMQ opens its own connections from this.
 */
export function bullConnection(redisUrl: string): ConnectionOptions {
  return { url: redisUrl, maxRetriesPerRequest: null };
}
