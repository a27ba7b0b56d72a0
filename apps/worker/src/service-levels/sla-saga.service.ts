import { randomUUID } from 'node:crypto';
import { SlaClocks, SlaFollower } from '@fieldstream/application';
import { APP_CONFIG, type AppConfig, REDIS } from '@fieldstream/infrastructure';
import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import type { Redis } from 'ioredis';

/** How often the worker checks that Redis still holds its timers. */
export const TIMER_WATCH_MS = 2_000;

/**
 * Starts the SLA saga with the worker: first every running clock's timer is set again from the
 * service-level streams (Redis may have lost them, or this is a new Redis), then the follower
 * takes the request events from its checkpoint.
 *
 * Redis may also be lost while the worker runs (flushed, or restarted without persistence): a
 * marker key is written before the timers are set, and when it is found missing the timers are
 * set again from the streams. Alarms that fell due meanwhile are then due at once, so none is
 * missed; the streams record each alarm once, so none is doubled.
 */
@Injectable()
export class SlaSagaService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('SLA');
  private watch: NodeJS.Timeout | undefined;
  private rederiving: Promise<void> | undefined;
  private readonly markerKey: string;
  private rederivations = 0;

  constructor(
    private readonly clocks: SlaClocks,
    private readonly follower: SlaFollower,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.markerKey = `${config.queuePrefix}:fieldstream:sla-timers-set`;
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.rederive('start');
    this.follower.start();
    this.watch = setInterval(() => void this.checkTimersKept(), TIMER_WATCH_MS);
    this.watch.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.watch);
    await this.rederiving;
    await this.follower.stop();
  }

  status() {
    return { ...this.follower.status(), timerRederivations: this.rederivations };
  }

  private async checkTimersKept(): Promise<void> {
    if (this.rederiving) return;
    try {
      if ((await this.redis.exists(this.markerKey)) === 1) return;
      this.logger.warn('Redis lost the SLA timers (flushed or restarted empty): setting them again');
      await this.rederive('redis-lost');
    } catch (error) {
      // Redis away: the next round looks again.
      this.logger.warn(
        `Cannot check the SLA timers in Redis: ${error instanceof Error ? error.message : error}`,
      );
    }
  }

  private async rederive(why: 'start' | 'redis-lost'): Promise<void> {
    const run = (async () => {
      const started = Date.now();
      // Written first: a loss while the timers are being set is seen by the next check.
      await this.redis.set(this.markerKey, `${randomUUID()} ${new Date().toISOString()}`);
      let lastLogged = 0;
      const done = await this.clocks.rederiveTimers((progress) => {
        if (Date.now() - lastLogged < 2_000) return;
        lastLogged = Date.now();
        this.logger.log({ msg: 'Setting SLA timers from the streams', why, ...progress });
      });
      this.rederivations++;
      this.logger.log({ msg: 'SLA timers set from the streams', why, ...done, ms: Date.now() - started });
    })();
    this.rederiving = run;
    try {
      await run;
    } finally {
      this.rederiving = undefined;
    }
  }
}
