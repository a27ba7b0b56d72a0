import {
  Deliveries,
  Directory,
  Escalations,
  LogFollower,
  NotificationRules,
  Notifier,
  PreventivePlanner,
  ServiceRequestCommands,
  MasterDataService,
  SlaClocks,
} from '@fieldstream/application';
import { ESCALATION_STREAM_PREFIX, METER_STREAM_PREFIX } from '@fieldstream/domain';
import type { EventStore, RecordedEvent } from '@fieldstream/event-store';
import {
  APP_CONFIG,
  type AppConfig,
  EVENT_STORE,
  READ_STORE,
  createChannelSenders,
} from '@fieldstream/infrastructure';
import { BullmqSlaTimers, BullmqTimers, JobScheduler, deliveryTimerSettings } from '@fieldstream/queue';
import type { ReadStore } from '@fieldstream/read-store';
import { Inject, Injectable, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { WORKER_CLOCK } from '../worker-clock';
import { DeliveryJobHandler } from './delivery.job-handler';
import { EscalationJobHandler } from './escalation.job-handler';
import {
  CHECK_ACKNOWLEDGEMENTS_JOB,
  ESCALATION_FOLLOWER,
  ESCALATIONS_QUEUE,
  NOTIFIER_FOLLOWER,
  PREVENTIVE_FOLLOWER,
  SAGA_SCHEDULER,
  SLA_FOLLOWER,
} from './saga-tokens';
import { SagasService } from './sagas.service';
import { PreventiveRunJobHandler } from './preventive-run.job-handler';
import { PreventiveTimer } from './preventive-timer';
import { SlaAlarmJobHandler } from './sla-alarm.job-handler';

/** Closes the scheduler's Redis connections and the senders' pooled connections with the worker. */
@Injectable()
class SchedulerCloser implements OnApplicationShutdown {
  constructor(
    @Inject(SAGA_SCHEDULER) private readonly scheduler: JobScheduler,
    private readonly deliveries: Deliveries,
  ) {}
  // After every beforeApplicationShutdown: the jobs and the followers have stopped using them.
  async onApplicationShutdown(): Promise<void> {
    await this.scheduler.close();
    await this.deliveries.close();
  }
}

type Clock = () => Date;

function follower(
  name: string,
  events: EventStore,
  reads: ReadStore,
  streamPrefixes: string[],
  handle: (recorded: RecordedEvent) => Promise<unknown>,
  options: { eventTypes?: string[]; concurrency: number },
): LogFollower {
  const logger = new Logger(name);
  return new LogFollower({
    name,
    events,
    reads,
    streamPrefixes,
    ...(options.eventTypes && { eventTypes: options.eventTypes }),
    // Each stream's events in order, different streams side by side: the sagas wait on stores
    // and Redis far more than they compute.
    concurrency: options.concurrency,
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
      useFactory: async (events: EventStore, scheduler: JobScheduler, config: AppConfig, now: Clock) =>
        new Deliveries({
          events,
          senders: await createChannelSenders(config, events, now),
          timers: new BullmqTimers(scheduler, deliveryTimerSettings(config.notifications), now),
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
        follower('sla-follower', events, reads, ['service-request-'], (recorded) => clocks.follow(recorded), {
          concurrency: 8,
        }),
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
          { eventTypes: ['SlaThresholdReached', 'SlaBreached'], concurrency: 8 },
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
          { concurrency: 16 },
        ),
    },
    {
      provide: PreventivePlanner,
      inject: [EVENT_STORE, READ_STORE, WORKER_CLOCK],
      useFactory: (events: EventStore, reads: ReadStore, now: Clock) =>
        new PreventivePlanner({
          events,
          reads,
          commands: new ServiceRequestCommands({
            events,
            reads,
            masterData: new MasterDataService({ events, reads }),
          }),
          now,
        }),
    },
    {
      provide: PREVENTIVE_FOLLOWER,
      inject: [EVENT_STORE, READ_STORE, PreventivePlanner],
      useFactory: (events: EventStore, reads: ReadStore, planner: PreventivePlanner) =>
        follower(
          'preventive-meters',
          events,
          reads,
          [METER_STREAM_PREFIX],
          (recorded) => planner.onReading(recorded),
          {
            concurrency: 4,
          },
        ),
    },
    PreventiveTimer,
    PreventiveRunJobHandler,
    SlaAlarmJobHandler,
    DeliveryJobHandler,
    EscalationJobHandler,
    SagasService,
    SchedulerCloser,
  ],
  exports: [SagasService],
})
export class SagasModule {}
