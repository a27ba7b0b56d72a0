import { BullmqTimers, type JobScheduler } from '@fieldstream/queue';
import { Inject, Injectable } from '@nestjs/common';
import { WORKER_CLOCK } from '../worker-clock';
import { PREVENTIVE_QUEUE, PREVENTIVE_RUN_JOB, SAGA_SCHEDULER } from './saga-tokens';

/** The one timer of the preventive runs (`preventive-run-next`): the next run, replaced each time. */
@Injectable()
export class PreventiveTimer {
  private readonly timers: BullmqTimers;

  constructor(@Inject(SAGA_SCHEDULER) scheduler: JobScheduler, @Inject(WORKER_CLOCK) now: () => Date) {
    this.timers = new BullmqTimers(
      scheduler,
      {
        queue: PREVENTIVE_QUEUE,
        jobName: PREVENTIVE_RUN_JOB,
        idPrefix: 'preventive-run',
        attempts: 5,
        backoffMs: 60_000,
      },
      now,
    );
  }

  set(at: Date): Promise<void> {
    return this.timers.set('next', at);
  }
}
