import type { JobScheduler } from './job-scheduler.service';

export const SLA_ALARMS_QUEUE = 'sla-alarms';
export const RECORD_DUE_JOB = 'record-due';

/**
 * The SLA alarm timers (the application's `SlaTimers` port) as BullMQ delayed jobs: one per
 * request, `sla-<requestId>`; setting it again replaces the earlier one.
 */
export const slaTimerId = (requestId: string) => `sla-${requestId}`;

export class BullmqSlaTimers {
  constructor(
    private readonly scheduler: JobScheduler,
    /** The worker's clock; BullMQ waits in real time, so an instant is moved by the clock's lead. */
    private readonly now: () => Date = () => new Date(),
  ) {}

  async set(requestId: string, at: Date): Promise<void> {
    const lead = this.now().getTime() - Date.now();
    await this.scheduler.scheduleOnce(
      SLA_ALARMS_QUEUE,
      RECORD_DUE_JOB,
      slaTimerId(requestId),
      { requestId },
      {
        runAt: new Date(at.getTime() - lead),
        // A store away for a while must not drop an alarm: retried for about two hours.
        attempts: 12,
      },
    );
  }

  async clear(requestId: string): Promise<void> {
    await this.scheduler.cancel(SLA_ALARMS_QUEUE, slaTimerId(requestId));
  }
}
