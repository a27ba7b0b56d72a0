import {
  Deliveries,
  Directory,
  Escalations,
  LogFollower,
  NotificationRules,
  Notifier,
  SlaClocks,
} from '@fieldstream/application';
import { ESCALATION_STREAM_PREFIX } from '@fieldstream/domain';
import type { EventStore, RecordedEvent } from '@fieldstream/event-store';
import {
  APP_CONFIG,
  type AppConfig,
  EVENT_STORE,
  READ_STORE,
  createChannelSenders,
} from '@fieldstream/infrastructure';
import { BullmqSlaTimers, BullmqTimers, JobScheduler } from '@fieldstream/queue';
import type { ReadStore } from '@fieldstream/read-store';
import { Inject, Injectable, Logger, Module, type OnModuleDestroy } from '@nestjs/common';
import { WORKER_CLOCK } from '../worker-clock';
import { DeliveryJobHandler } from './delivery.job-handler';
import { EscalationJobHandler } from './escalation.job-handler';
import {
  CHECK_ACKNOWLEDGEMENTS_JOB,
  DELIVER_JOB,
  ESCALATION_FOLLOWER,
  ESCALATIONS_QUEUE,
  NOTIFICATIONS_QUEUE,
  NOTIFIER_FOLLOWER,
  SAGA_SCHEDULER,
  SLA_FOLLOWER,
} from './saga-tokens';
import { SagasService } from './sagas.service';
import { SlaAlarmJobHandler } from './sla-alarm.job-handler';

/** Closes the scheduler's Redis connections with the worker. */
@Injectable()
class SchedulerCloser implements OnModuleDestroy {
  constructor(@Inject(SAGA_SCHEDULER) private readonly scheduler: JobScheduler) {}
  async onModuleDestroy(): Promise<void> {
    await this.scheduler.close();
  }
}

type Clock = () => Date;

function follower(
  name: string,
  events: EventStore,
  reads: ReadStore,
  streamPrefixes: string[],
  handle: (recorded: RecordedEvent) => Promise<unknown>,
  eventTypes?: string[],
): LogFollower {
  const logger = new Logger(name);
  return new LogFollower({
    name,
    events,
    reads,
    streamPrefixes,
    ...(eventTypes && { eventTypes }),
    handle: async (recorded) => {
      await handle(recorded);
    },
    log: { warn: (m) => logger.warn(m), error: (m) => logger.error(m) },
  });
}

/**
 * The sagas: SLA clocks and their alarms, escalations and their acknowledgements, notifications
 * and their deliveries. Each follows the log from its own checkpoint and sets BullMQ timers;
 * SagasService starts them and sets their timers again whenever Redis lost them.
 */
@Module({
  providers: [
    {
      provide: SAGA_SCHEDULER,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        new JobScheduler({ redisUrl: config.redisUrl, prefix: config.queuePrefix }),
    },
    {
      provide: Directory,
      inject: [READ_STORE, WORKER_CLOCK],
      useFactory: (reads: ReadStore, now: Clock) => new Directory(reads, () => now().getTime()),
    },
    {
      provide: NotificationRules,
      inject: [READ_STORE, WORKER_CLOCK],
      useFactory: (reads: ReadStore, now: Clock) => new NotificationRules(reads, () => now().getTime()),
    },
    {
      provide: SlaClocks,
      inject: [EVENT_STORE, READ_STORE, SAGA_SCHEDULER, WORKER_CLOCK],
      useFactory: (events: EventStore, reads: ReadStore, scheduler: JobScheduler, now: Clock) =>
        new SlaClocks({ events, reads, timers: new BullmqSlaTimers(scheduler, now), now }),
    },
    {
      provide: Deliveries,
      inject: [EVENT_STORE, SAGA_SCHEDULER, APP_CONFIG, WORKER_CLOCK],
      useFactory: (events: EventStore, scheduler: JobScheduler, config: AppConfig, now: Clock) =>
        new Deliveries({
          events,
          senders: createChannelSenders(config),
          timers: new BullmqTimers(
            scheduler,
            {
              queue: NOTIFICATIONS_QUEUE,
              jobName: DELIVER_JOB,
              idPrefix: 'delivery',
              attempts: config.notifications.attempts,
              backoffMs: config.notifications.retryMs,
            },
            now,
          ),
          maxAttempts: config.notifications.attempts,
          now,
        }),
    },
    {
      provide: Escalations,
      inject: [EVENT_STORE, READ_STORE, Directory, SAGA_SCHEDULER, WORKER_CLOCK],
      useFactory: (
        events: EventStore,
        reads: ReadStore,
        directory: Directory,
        scheduler: JobScheduler,
        now: Clock,
      ) =>
        new Escalations({
          events,
          reads,
          directory,
          timers: new BullmqTimers(
            scheduler,
            {
              queue: ESCALATIONS_QUEUE,
              jobName: CHECK_ACKNOWLEDGEMENTS_JOB,
              idPrefix: 'escalation',
              attempts: 12,
            },
            now,
          ),
          now,
        }),
    },
    {
      provide: Notifier,
      inject: [EVENT_STORE, READ_STORE, NotificationRules, Directory, Deliveries, WORKER_CLOCK],
      useFactory: (
        events: EventStore,
        reads: ReadStore,
        rules: NotificationRules,
        directory: Directory,
        deliveries: Deliveries,
        now: Clock,
      ) => new Notifier({ events, reads, rules, directory, deliveries, now }),
    },
    {
      provide: SLA_FOLLOWER,
      inject: [EVENT_STORE, READ_STORE, SlaClocks],
      useFactory: (events: EventStore, reads: ReadStore, clocks: SlaClocks) =>
        follower('sla-follower', events, reads, ['service-request-'], (recorded) => clocks.follow(recorded)),
    },
    {
      provide: ESCALATION_FOLLOWER,
      inject: [EVENT_STORE, READ_STORE, Escalations],
      useFactory: (events: EventStore, reads: ReadStore, escalations: Escalations) =>
        follower(
          'escalation-follower',
          events,
          reads,
          ['service-level-'],
          (recorded) => escalations.onSlaEvent(recorded),
          ['SlaThresholdReached', 'SlaBreached'],
        ),
    },
    {
      provide: NOTIFIER_FOLLOWER,
      inject: [EVENT_STORE, READ_STORE, Notifier],
      useFactory: (events: EventStore, reads: ReadStore, notifier: Notifier) =>
        follower(
          'notifier',
          events,
          reads,
          ['service-request-', 'service-level-', ESCALATION_STREAM_PREFIX],
          (recorded) => notifier.handle(recorded),
        ),
    },
    SlaAlarmJobHandler,
    DeliveryJobHandler,
    EscalationJobHandler,
    SagasService,
    SchedulerCloser,
  ],
  exports: [SagasService],
})
export class SagasModule {}
