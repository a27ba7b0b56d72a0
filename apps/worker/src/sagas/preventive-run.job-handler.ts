import { randomUUID } from 'node:crypto';
import { PreventivePlanner } from '@fieldstream/application';
import type { EventStore, JsonObject } from '@fieldstream/event-store';
import { EVENT_STORE } from '@fieldstream/infrastructure';
import type { JobContext, JobHandler } from '@fieldstream/queue';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { QueueJobHandler } from '../jobs/job-handler.decorator';
import { WORKER_CLOCK } from '../worker-clock';
import { PREVENTIVE_EVERY_MS, PREVENTIVE_QUEUE, PREVENTIVE_RUN_JOB } from './saga-tokens';
import { PreventiveTimer } from './preventive-timer';

/** The stream a month's preventive runs are reported in (what each run opened, moved, skipped). */
export const preventiveRunsStream = (at: string) => `preventive-runs-${at.slice(0, 7)}`;

/**
 * The hourly preventive run: opens the calendar visits due within their lead time, records what
 * it did as a `PreventiveRunCompleted` event (the report a planner reads), and sets the next run.
 */
@QueueJobHandler()
@Injectable()
export class PreventiveRunJobHandler implements JobHandler {
  readonly queue = PREVENTIVE_QUEUE;
  readonly jobName = PREVENTIVE_RUN_JOB;
  private readonly logger = new Logger('Preventive');

  constructor(
    private readonly planner: PreventivePlanner,
    private readonly timer: PreventiveTimer,
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(WORKER_CLOCK) private readonly now: () => Date,
  ) {}

  async handle(_data: JsonObject, _context: JobContext): Promise<void> {
    const report = await this.planner.run();
    if (report.opened.length > 0 || report.unplaceable.length > 0 || report.problems.length > 0) {
      await this.events.appendToStream(preventiveRunsStream(report.at), [
        {
          id: randomUUID(),
          type: 'PreventiveRunCompleted',
          data: report as unknown as JsonObject,
          metadata: {
            correlationId: `preventive-run-${report.at}`,
            causationId: `preventive-run-${report.at}`,
            actorId: 'preventive',
            actorRole: 'system',
            occurredAt: report.at,
          },
        },
      ]);
    }
    this.logger.log({
      msg: 'Preventive run',
      plans: report.plans,
      assets: report.assets,
      opened: report.opened.length,
      alreadyOpen: report.alreadyOpen,
      unplaceable: report.unplaceable.length,
      problems: report.problems.length,
    });
    await this.timer.set(new Date(this.now().getTime() + PREVENTIVE_EVERY_MS));
  }
}
