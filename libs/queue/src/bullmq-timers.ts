import type { JobScheduler } from './job-scheduler.service';

/** Which queue and job a kind of timer sets, its ids' prefix, and how a failing visit is retried. */
export interface BullmqTimerSettings {
  queue: string;
  jobName: string;
  idPrefix: string;
  /** Retries of a failing visit, with exponential back-off from `backoffMs`. */
  attempts: number;
  backoffMs?: number;
}

/**
 * One BullMQ delayed job per subject (a request, a delivery), `<prefix>-<subjectId>`: setting it
 * again replaces the earlier one. What the sagas' timer ports (`SlaTimers`, escalations' and
 * deliveries' timers) are made of: they only say when to look again, the streams hold the truth.
 */
export class BullmqTimers {
  constructor(
    private readonly scheduler: JobScheduler,
    private readonly settings: BullmqTimerSettings,
    /** The worker's clock; BullMQ waits in real time, so an instant is moved by the clock's lead. */
    private readonly now: () => Date = () => new Date(),
  ) {}

  idOf(subjectId: string): string {
    return `${this.settings.idPrefix}-${subjectId}`;
  }

  async set(subjectId: string, at: Date, data: Record<string, string> = {}): Promise<void> {
    const lead = this.now().getTime() - Date.now();
    await this.scheduler.scheduleOnce(
      this.settings.queue,
      this.settings.jobName,
      this.idOf(subjectId),
      { subjectId, ...data },
      {
        runAt: new Date(at.getTime() - lead),
        attempts: this.settings.attempts,
        ...(this.settings.backoffMs !== undefined && { backoffMs: this.settings.backoffMs }),
      },
    );
  }

  async clear(subjectId: string): Promise<void> {
    await this.scheduler.cancel(this.settings.queue, this.idOf(subjectId));
  }
}

export const SLA_ALARMS_QUEUE = 'sla-alarms';
export const RECORD_DUE_JOB = 'record-due';
export const slaTimerId = (requestId: string) => `sla-${requestId}`;

/** The SLA alarm timers (the application's `SlaTimers` port): one per request, `sla-<requestId>`. */
export class BullmqSlaTimers {
  private readonly timers: BullmqTimers;

  constructor(scheduler: JobScheduler, now: () => Date = () => new Date()) {
    // A store away for a while must not drop an alarm: retried for about two hours.
    this.timers = new BullmqTimers(
      scheduler,
      { queue: SLA_ALARMS_QUEUE, jobName: RECORD_DUE_JOB, idPrefix: 'sla', attempts: 12 },
      now,
    );
  }

  set(requestId: string, at: Date): Promise<void> {
    return this.timers.set(requestId, at, { requestId });
  }

  clear(requestId: string): Promise<void> {
    return this.timers.clear(requestId);
  }
}
