import {
  Deliveries,
  DeliveryLogQueries,
  Directory,
  EscalationQueries,
  Escalations,
  InboxQueries,
  NotificationEndpointsService,
  NotificationSettingsService,
} from '@fieldstream/application';
import type { EventStore } from '@fieldstream/event-store';
import {
  APP_CONFIG,
  type AppConfig,
  EVENT_STORE,
  READ_STORE,
  resolveVapidKeys,
} from '@fieldstream/infrastructure';
import {
  BullmqTimers,
  ESCALATION_TIMER_SETTINGS,
  JobScheduler,
  deliveryTimerSettings,
} from '@fieldstream/queue';
import type { ReadStore } from '@fieldstream/read-store';
import { Inject, Injectable, Module, type OnModuleDestroy } from '@nestjs/common';
import { NOTIFICATION_COMMAND_HANDLERS } from './commands';
import { EscalationsController } from './escalations.controller';
import { InboxController } from './inbox.controller';
import { NotificationDeliveriesController } from './notification-deliveries.controller';
import { NotificationEndpointsController } from './notification-endpoints.controller';
import { NOTIFICATION_QUERY_HANDLERS } from './queries';

/** The BullMQ scheduler the API sets the sagas' timers with (a requeued delivery's job). */
const NOTIFICATION_SCHEDULER = 'NOTIFICATION_SCHEDULER';

/** Closes the scheduler's Redis connections (opened at its first use) with the API. */
@Injectable()
class SchedulerCloser implements OnModuleDestroy {
  constructor(@Inject(NOTIFICATION_SCHEDULER) private readonly scheduler: JobScheduler) {}
  async onModuleDestroy(): Promise<void> {
    await this.scheduler.close();
  }
}

/**
 * Notifications over HTTP, through the CQRS buses: the reader's inbox and settings, a request's
 * escalation, the delivery log. The notifier, the deliveries' jobs and the escalation saga run in
 * the worker; the API's own Deliveries and Escalations only take an administrator's requeue and an
 * acknowledgement, setting timers in the worker's queues (same queues, job names and ids).
 */
@Module({
  controllers: [
    InboxController,
    NotificationEndpointsController,
    EscalationsController,
    NotificationDeliveriesController,
  ],
  providers: [
    {
      provide: NOTIFICATION_SCHEDULER,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        new JobScheduler({ redisUrl: config.redisUrl, prefix: config.queuePrefix }),
    },
    SchedulerCloser,
    {
      provide: Deliveries,
      inject: [EVENT_STORE, NOTIFICATION_SCHEDULER, APP_CONFIG],
      useFactory: (events: EventStore, scheduler: JobScheduler, config: AppConfig) =>
        new Deliveries({
          events,
          // Nothing is sent from the API: a requeue sets the delivery's job, the worker sends.
          senders: {},
          timers: new BullmqTimers(scheduler, deliveryTimerSettings(config.notifications)),
          maxAttempts: config.notifications.attempts,
        }),
    },
    {
      provide: Escalations,
      inject: [EVENT_STORE, READ_STORE, NOTIFICATION_SCHEDULER],
      useFactory: (events: EventStore, reads: ReadStore, scheduler: JobScheduler) =>
        new Escalations({
          events,
          reads,
          directory: new Directory(reads),
          timers: new BullmqTimers(scheduler, ESCALATION_TIMER_SETTINGS),
        }),
    },
    {
      provide: InboxQueries,
      inject: [EVENT_STORE, READ_STORE],
      useFactory: (events: EventStore, reads: ReadStore) => new InboxQueries({ events, reads }),
    },
    {
      provide: NotificationSettingsService,
      inject: [EVENT_STORE, READ_STORE],
      useFactory: (events: EventStore, reads: ReadStore) =>
        new NotificationSettingsService({ events, reads }),
    },
    {
      provide: NotificationEndpointsService,
      inject: [EVENT_STORE, APP_CONFIG],
      useFactory: async (events: EventStore, config: AppConfig) =>
        new NotificationEndpointsService({
          events,
          vapidPublicKey: (await resolveVapidKeys(config.notifications.vapid, config.dataDir)).publicKey,
          allowHttpEndpoints: config.notifications.allowHttpEndpoints,
        }),
    },
    {
      provide: EscalationQueries,
      inject: [EVENT_STORE, READ_STORE, Escalations],
      useFactory: (events: EventStore, reads: ReadStore, escalations: Escalations) =>
        new EscalationQueries({ events, reads, escalations }),
    },
    {
      provide: DeliveryLogQueries,
      inject: [EVENT_STORE, READ_STORE, Deliveries],
      useFactory: (events: EventStore, reads: ReadStore, deliveries: Deliveries) =>
        new DeliveryLogQueries({ events, reads, deliveries }),
    },
    ...NOTIFICATION_COMMAND_HANDLERS,
    ...NOTIFICATION_QUERY_HANDLERS,
  ],
})
export class NotificationsModule {}
