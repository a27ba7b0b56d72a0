import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { DeliveryLease } from '@fieldstream/application';
import type { Redis } from 'ioredis';

/** Takes the key when free, or renews it when it is ours: one round trip, no race between the two. */
const HOLD = `
local current = redis.call('GET', KEYS[1])
if current == ARGV[1] then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return 1
end
if not current then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
  return 1
end
return 0`;

/** Deletes the key only if it is still ours: an expired lease may belong to another worker now. */
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;

/**
 * Leases on webhook subscriptions in Redis: `<prefix>:webhook-lease:<subscriptionId>` holds the
 * token of the worker delivering it, for `ttlMs` unless renewed. A worker that dies stops renewing,
 * and another takes over once the key expires.
 */
export class RedisDeliveryLease implements DeliveryLease {
  /** This worker's token: its host and process, for whoever looks at the key, and a random part. */
  readonly token = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly ttlMs: number,
  ) {}

  async hold(subscriptionId: string): Promise<boolean> {
    return (await this.redis.eval(HOLD, 1, this.key(subscriptionId), this.token, String(this.ttlMs))) === 1;
  }

  async release(subscriptionId: string): Promise<void> {
    await this.redis.eval(RELEASE, 1, this.key(subscriptionId), this.token);
  }

  /** Who holds a subscription now (a token), for tests and operators. */
  holder(subscriptionId: string): Promise<string | null> {
    return this.redis.get(this.key(subscriptionId));
  }

  private key(subscriptionId: string): string {
    return `${this.prefix}:webhook-lease:${subscriptionId}`;
  }
}
