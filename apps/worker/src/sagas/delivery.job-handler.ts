import { Deliveries } from '@fieldstream/application';
import type { JobContext, JobHandler } from '@fieldstream/queue';
import { Injectable } from '@nestjs/common';
import { QueueJobHandler } from '../jobs/job-handler.decorator';
import { DELIVER_JOB, NOTIFICATIONS_QUEUE } from './saga-tokens';

/** An e-mail or text message's turn (first, or a retry with back-off after a failure). */
@QueueJobHandler()
@Injectable()
export class DeliveryJobHandler implements JobHandler<{ subjectId: string }> {
  readonly queue = NOTIFICATIONS_QUEUE;
  readonly jobName = DELIVER_JOB;

  constructor(private readonly deliveries: Deliveries) {}

  async handle(data: { subjectId: string }, context: JobContext): Promise<void> {
    await this.deliveries.attempt(data.subjectId, context.attempt);
  }
}
