import { Escalations } from '@fieldstream/application';
import type { JobContext, JobHandler } from '@fieldstream/queue';
import { Injectable } from '@nestjs/common';
import { QueueJobHandler } from '../jobs/job-handler.decorator';
import { CHECK_ACKNOWLEDGEMENTS_JOB, ESCALATIONS_QUEUE } from './saga-tokens';

/** An escalation level's time to be acknowledged ran out: raise the next level if still unanswered. */
@QueueJobHandler()
@Injectable()
export class EscalationJobHandler implements JobHandler<{ subjectId: string }> {
  readonly queue = ESCALATIONS_QUEUE;
  readonly jobName = CHECK_ACKNOWLEDGEMENTS_JOB;

  constructor(private readonly escalations: Escalations) {}

  async handle(data: { subjectId: string }, _context: JobContext): Promise<void> {
    await this.escalations.checkAcknowledgements(data.subjectId);
  }
}
