import { PreventivePlanner } from '@fieldstream/application';
import type { JsonObject } from '@fieldstream/event-store';
import type { JobContext, JobHandler } from '@fieldstream/queue';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { QueueJobHandler } from '../jobs/job-handler.decorator';
import { WORKER_CLOCK } from '../worker-clock';
import { PREVENTIVE_EVERY_MS, PREVENTIVE_QUEUE, PREVENTIVE_RUN_JOB } from './saga-tokens';
import { PreventiveTimer } from './preventive-timer';

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
    @Inject(WORKER_CLOCK) private readonly now: () => Date,
  ) {}

  async handle(_data: JsonObject, _context: JobContext): Promise<void> {
    const report = await this.planner.runAndReport();
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
