import { randomUUID } from 'node:crypto';
import { Deliveries, Escalations, type LogFollower, SlaClocks } from '@fieldstream/application';
import { APP_CONFIG, type AppConfig, REDIS } from '@fieldstream/infrastructure';
import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import type { Redis } from 'ioredis';
import { WORKER_CLOCK } from '../worker-clock';
import { PreventiveTimer } from './preventive-timer';
import { ESCALATION_FOLLOWER, NOTIFIER_FOLLOWER, PREVENTIVE_FOLLOWER, SLA_FOLLOWER } from './saga-tokens';

/** How often the worker checks that Redis still holds its timers. */
export const TIMER_WATCH_MS = 2_000;

/**
 * Starts the sagas with the worker: first every timer (SLA alarms, acknowledgement deadlines,
 * pending deliveries) is set again from the streams — Redis may have lost them, or this is a new
 * Redis — then the followers take the log from their checkpoints.
 *
 * Redis may also be lost while the worker runs (flushed, or restarted without persistence): a
 * marker key is written before the timers are set, and when it is found missing they are set
 * again from the streams. What fell due meanwhile is then due at once, so nothing is missed; the
 * streams record each alarm, level and delivery once, so nothing is doubled.
 */
@Injectable()
export class SagasService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Sagas');
  private watch: NodeJS.Timeout | undefined;
  private rederiving: Promise<void> | undefined;
  private readonly markerKey: string;
  private rederivations = 0;
  private readonly followers: LogFollower[];

  constructor(
    private readonly clocks: SlaClocks,
    private readonly escalations: Escalations,
    private readonly deliveries: Deliveries,
    @Inject(SLA_FOLLOWER) slaFollower: LogFollower,
    @Inject(ESCALATION_FOLLOWER) escalationFollower: LogFollower,
    @Inject(NOTIFIER_FOLLOWER) notifierFollower: LogFollower,
    @Inject(PREVENTIVE_FOLLOWER) preventiveFollower: LogFollower,
    private readonly preventive: PreventiveTimer,
    @Inject(WORKER_CLOCK) private readonly now: () => Date,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.markerKey = `${config.queuePrefix}:fieldstream:timers-set`;
    this.followers = [slaFollower, escalationFollower, notifierFollower, preventiveFollower];
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.rederive('start');
    for (const follower of this.followers) follower.start();
    this.watch = setInterval(() => void this.checkTimersKept(), TIMER_WATCH_MS);
    this.watch.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.watch);
    await this.rederiving;
    await Promise.all(this.followers.map((follower) => follower.stop()));
  }

  status() {
    return {
      followers: this.followers.map((follower) => follower.status()),
      timerRederivations: this.rederivations,
    };
  }

  private async checkTimersKept(): Promise<void> {
    if (this.rederiving) return;
    try {
      if ((await this.redis.exists(this.markerKey)) === 1) return;
      this.logger.warn(
        'Redis lost the timers (flushed or restarted empty): setting them again from the streams',
      );
      await this.rederive('redis-lost');
    } catch (error) {
      // Redis away: the next round looks again.
      this.logger.warn(`Cannot check the timers in Redis: ${error instanceof Error ? error.message : error}`);
    }
  }

  private async rederive(why: 'start' | 'redis-lost'): Promise<void> {
    const run = (async () => {
      const started = Date.now();
      // Written first: a loss while the timers are being set is seen by the next check.
      await this.redis.set(this.markerKey, `${randomUUID()} ${new Date().toISOString()}`);
      let lastLogged = 0;
      const sla = await this.clocks.rederiveTimers((progress) => {
        if (Date.now() - lastLogged < 2_000) return;
        lastLogged = Date.now();
        this.logger.log({ msg: 'Setting SLA timers from the streams', why, ...progress });
      });
      const escalations = await this.escalations.rederiveTimers();
      const deliveries = await this.deliveries.rederive();
      // The preventive run is looked at right away: it opens only what is not open yet.
      await this.preventive.set(this.now());
      this.rederivations++;
      this.logger.log({
        msg: 'Timers set from the streams',
        why,
        slaTimers: sla.timers,
        slaEvents: sla.events,
        escalationTimers: escalations,
        pendingDeliveries: deliveries,
        ms: Date.now() - started,
      });
    })();
    this.rederiving = run;
    try {
      await run;
    } finally {
      this.rederiving = undefined;
    }
  }
}
