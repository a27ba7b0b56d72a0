import { SlaClocks } from '@fieldstream/application';
import { type JobContext, type JobHandler, RECORD_DUE_JOB, SLA_ALARMS_QUEUE } from '@fieldstream/queue';
import { Injectable } from '@nestjs/common';
import { QueueJobHandler } from '../jobs/job-handler.decorator';

/** A request's SLA timer went off: record what is due now (re-read from its stream) and set the next. */
@QueueJobHandler()
@Injectable()
export class SlaAlarmJobHandler implements JobHandler<{ requestId: string }> {
  readonly queue = SLA_ALARMS_QUEUE;
  readonly jobName = RECORD_DUE_JOB;

  constructor(private readonly clocks: SlaClocks) {}

  async handle(data: { requestId: string }, _context: JobContext): Promise<void> {
    await this.clocks.recordDue(data.requestId);
  }
}
