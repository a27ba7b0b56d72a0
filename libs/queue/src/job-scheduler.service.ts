import type { JsonObject } from '@fieldstream/event-store';
import { type Job, Queue } from 'bullmq';
import { FOLLOW_UP_SUFFIX, InvalidJobRequestError, validateJobId, validateName } from './job-id';
import { bullConnection, type QueueSettings } from './queue-connection';

export interface ScheduleOptions {
  /** When to run; a time in the past means "as soon as possible". */
  runAt: Date;
  /** Attempts before the job is left failed (default 3, exponential back-off from 1 s). */
  attempts?: number;
}

export interface ScheduledJob {
  /** The BullMQ job id actually used: `id`, or `id--next` while a run under `id` is active. */
  jobId: string;
  runAt: Date;
}

/** What the job carries besides the caller's data, so a handler knows its logical id. */
export interface ScheduledPayload {
  id: string;
  scheduledFor: string;
  data: JsonObject;
}

const PENDING_STATES = new Set(['delayed', 'waiting', 'prioritized', 'waiting-children', 'completed', 'failed']);

/**
 * Deterministic one-off jobs on BullMQ. BullMQ ignores `add` when a job with the same id exists
 * (in any state, until it is removed), so re-scheduling is remove-then-add:
 *
 * - a pending (delayed/waiting) job with the id is removed and the new one added: the last call
 *   wins, whatever the order of the run times;
 * - a finished job with the id is removed too, so re-scheduling after completion runs again
 *   (completed jobs are also removed on completion, so the id is normally free already);
 * - a job that is **running** cannot be removed; the new run is added under `id--next` (replacing
 *   any earlier follow-up), so there is at most one running and one pending run per id. The
 *   running one finishes as it was; handlers re-read state, so that is safe.
 *
 * `cancel` removes the pending run(s) and leaves a running one to finish.
 * BullMQ's own deduplication (`deduplication: { id, replace, keepLastIfActive }`) was considered:
 * it keys on a separate deduplication id while the job id is random, which makes `cancel` and
 * inspection by id a two-step lookup; remove-then-add keeps the job id the deterministic id.
 */
export class JobScheduler {
  private readonly queues = new Map<string, Queue>();

  constructor(private readonly settings: QueueSettings) {}

  queue(name: string): Queue {
    validateName(name, 'queue');
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, { connection: bullConnection(this.settings.redisUrl), prefix: this.settings.prefix });
      this.queues.set(name, queue);
    }
    return queue;
  }

  async scheduleOnce(
    queueName: string,
    jobName: string,
    id: string,
    data: JsonObject,
    options: ScheduleOptions,
  ): Promise<ScheduledJob> {
    validateName(queueName, 'queue');
    validateName(jobName, 'jobName');
    validateJobId(id);
    if (data === null || typeof data !== 'object' || Array.isArray(data)) {
      throw new InvalidJobRequestError('data must be a JSON object', 'data');
    }
    if (!(options?.runAt instanceof Date) || Number.isNaN(options.runAt.getTime())) {
      throw new InvalidJobRequestError('runAt must be a valid Date', 'runAt');
    }
    const attempts = options.attempts ?? 3;
    if (!Number.isInteger(attempts) || attempts < 1) {
      throw new InvalidJobRequestError('attempts must be a whole number of at least 1', 'attempts');
    }
    const queue = this.queue(queueName);
    const followUpId = id + FOLLOW_UP_SUFFIX;

    // The follow-up slot is never kept: a new call supersedes any earlier follow-up.
    await this.removeUnlessActive(queue, followUpId);
    const primaryActive = await this.removeUnlessActive(queue, id);
    const jobId = primaryActive ? followUpId : id;

    const payload: ScheduledPayload = { id, scheduledFor: options.runAt.toISOString(), data };
    await queue.add(jobName, payload as unknown as JsonObject, {
      jobId,
      delay: Math.max(0, options.runAt.getTime() - Date.now()),
      attempts,
      backoff: { type: 'exponential', delay: 1_000 },
      removeOnComplete: true,
      // Failed jobs are kept a week for inspection; re-scheduling removes one with the same id.
      removeOnFail: { age: 7 * 24 * 3600 },
    });
    return { jobId, runAt: options.runAt };
  }

  /** Removes the pending run(s) for `id`; answers whether one was removed. */
  async cancel(queueName: string, id: string): Promise<boolean> {
    validateName(queueName, 'queue');
    validateJobId(id);
    const queue = this.queue(queueName);
    let removed = false;
    for (const jobId of [id, id + FOLLOW_UP_SUFFIX]) {
      const job = await queue.getJob(jobId);
      if (job && (await this.tryRemove(job))) removed = true;
    }
    return removed;
  }

  /** The pending or running jobs for `id` (for tests, health and the admin view). */
  async inspect(queueName: string, id: string): Promise<{ jobId: string; state: string; runAt: Date }[]> {
    const queue = this.queue(queueName);
    const found: { jobId: string; state: string; runAt: Date }[] = [];
    for (const jobId of [id, id + FOLLOW_UP_SUFFIX]) {
      const job = await queue.getJob(jobId);
      if (!job) continue;
      found.push({ jobId, state: await job.getState(), runAt: new Date(job.timestamp + (job.delay ?? 0)) });
    }
    return found;
  }

  async close(): Promise<void> {
    await Promise.all([...this.queues.values()].map((queue) => queue.close()));
    this.queues.clear();
  }

  /** Answers true when a job with that id is running (and so was left in place). */
  private async removeUnlessActive(queue: Queue, jobId: string): Promise<boolean> {
    const job = await queue.getJob(jobId);
    if (!job) return false;
    return !(await this.tryRemove(job));
  }

  /** Removes a job unless it is running; a job that starts running meanwhile is left alone. */
  private async tryRemove(job: Job): Promise<boolean> {
    const state = await job.getState();
    if (!PENDING_STATES.has(state)) return false;
    try {
      await job.remove();
      return true;
    } catch (error) {
      // The job was picked up between getState and remove: its lock protects it.
      if ((await job.getState()) === 'active') return false;
      throw error;
    }
  }
}
