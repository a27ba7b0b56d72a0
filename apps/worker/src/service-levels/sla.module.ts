import { SlaClocks, SlaFollower } from '@fieldstream/application';
import type { EventStore } from '@fieldstream/event-store';
import { APP_CONFIG, type AppConfig, EVENT_STORE, READ_STORE } from '@fieldstream/infrastructure';
import { BullmqSlaTimers, JobScheduler } from '@fieldstream/queue';
import type { ReadStore } from '@fieldstream/read-store';
import { Logger, Module, type OnModuleDestroy, Inject, Injectable } from '@nestjs/common';
import { WORKER_CLOCK } from '../worker-clock';
import { SlaAlarmJobHandler } from './sla-alarm.job-handler';
import { SlaSagaService } from './sla-saga.service';

const SLA_SCHEDULER = 'SLA_SCHEDULER';

/** Closes the scheduler's Redis connections with the worker. */
@Injectable()
class SchedulerCloser implements OnModuleDestroy {
  constructor(@Inject(SLA_SCHEDULER) private readonly scheduler: JobScheduler) {}
  async onModuleDestroy(): Promise<void> {
    await this.scheduler.close();
  }
}

/** Service levels: the follower, the alarm timers on BullMQ and their handler. */
@Module({
  providers: [
    {
      provide: SLA_SCHEDULER,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        new JobScheduler({ redisUrl: config.redisUrl, prefix: config.queuePrefix }),
    },
    {
      provide: SlaClocks,
      inject: [EVENT_STORE, READ_STORE, SLA_SCHEDULER, WORKER_CLOCK],
      useFactory: (events: EventStore, reads: ReadStore, scheduler: JobScheduler, now: () => Date) =>
        new SlaClocks({ events, reads, timers: new BullmqSlaTimers(scheduler, now), now }),
    },
    {
      provide: SlaFollower,
      inject: [EVENT_STORE, READ_STORE, SlaClocks],
      useFactory: (events: EventStore, reads: ReadStore, clocks: SlaClocks) => {
        const logger = new Logger('SLA');
        return new SlaFollower({
          events,
          reads,
          clocks,
          log: { warn: (m) => logger.warn(m), error: (m) => logger.error(m) },
        });
      },
    },
    SlaAlarmJobHandler,
    SlaSagaService,
    SchedulerCloser,
  ],
  exports: [SlaSagaService],
})
export class SlaModule {}
