import type { EventStore } from '@fieldstream/event-store';
import {
  APP_CONFIG,
  type AppConfig,
  EVENT_STORE,
  READ_STORE,
  readWorkerStatuses,
  REDIS,
  type WorkerStatusReport,
} from '@fieldstream/infrastructure';
import { probeRedis, type RedisHealth } from '@fieldstream/queue';
import type { ReadStore } from '@fieldstream/read-store';
import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';

export interface CheckResult {
  ok: boolean;
  detail?: string;
  [key: string]: unknown;
}

export interface SystemHealth {
  /** ok: ready; degraded: answering but something is wrong; the HTTP status says 200 or 503. */
  status: 'ok' | 'degraded';
  live: true;
  ready: boolean;
  uptimeSeconds: number;
  checkedAt: string;
  checks: {
    eventStore: CheckResult & { adapter?: string; headPosition?: number };
    readStore: CheckResult & { adapter?: string };
    redis: CheckResult & RedisHealth;
    worker: CheckResult & { instances: WorkerStatusReport[] };
  };
}

const CHECK_TIMEOUT_MS = 2_000;

function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`${what} did not answer within ${CHECK_TIMEOUT_MS} ms`)),
        CHECK_TIMEOUT_MS,
      );
    }),
  ]).finally(() => clearTimeout(timer));
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Readiness: both stores answer, Redis answers, and at least one worker reported within its TTL
 * with a live subscription and no failed projection. A projection that is merely catching up
 * is ready (its lag shows in the body and in /metrics).
 */
@Injectable()
export class SystemHealthService {
  private readonly startedAt = Date.now();

  constructor(
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  uptimeSeconds(): number {
    return (Date.now() - this.startedAt) / 1000;
  }

  async check(): Promise<SystemHealth> {
    const [eventStore, readStore, redis, worker] = await Promise.all([
      this.checkEventStore(),
      this.checkReadStore(),
      probeRedis(this.redis, CHECK_TIMEOUT_MS).then((health) => ({ ...health, ok: health.up })),
      this.checkWorker(),
    ]);
    const ready = eventStore.ok && readStore.ok && redis.ok && worker.ok;
    return {
      status: ready ? 'ok' : 'degraded',
      live: true,
      ready,
      uptimeSeconds: Math.round(this.uptimeSeconds()),
      checkedAt: new Date().toISOString(),
      checks: { eventStore, readStore, redis, worker },
    };
  }

  private async checkEventStore(): Promise<SystemHealth['checks']['eventStore']> {
    try {
      const health = await withTimeout(this.eventStore.health(), 'the event store');
      return {
        ok: health.ok,
        adapter: health.adapter,
        ...(health.headPosition === undefined ? {} : { headPosition: health.headPosition }),
        ...(health.detail ? { detail: health.detail } : {}),
      };
    } catch (error) {
      return { ok: false, detail: messageOf(error) };
    }
  }

  private async checkReadStore(): Promise<SystemHealth['checks']['readStore']> {
    try {
      const health = await withTimeout(this.readStore.health(), 'the read store');
      return { ok: health.ok, adapter: health.adapter, ...(health.detail ? { detail: health.detail } : {}) };
    } catch (error) {
      return { ok: false, detail: messageOf(error) };
    }
  }

  private async checkWorker(): Promise<SystemHealth['checks']['worker']> {
    try {
      const instances = await withTimeout(readWorkerStatuses(this.redis, this.config.queuePrefix), 'Redis');
      if (instances.length === 0) {
        return { ok: false, detail: 'No worker has reported its status recently', instances };
      }
      const healthy = instances.filter(
        (instance) =>
          instance.phase === 'running' &&
          instance.subscription.alive &&
          instance.projections.every((projection) => projection.state !== 'failed'),
      );
      return healthy.length > 0
        ? { ok: true, instances }
        : {
            ok: false,
            detail: 'No worker is running with a live subscription and healthy projections',
            instances,
          };
    } catch (error) {
      return { ok: false, detail: messageOf(error), instances: [] };
    }
  }
}
