import type { JsonObject } from '@fieldstream/event-store';
import { type Job, Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { FOLLOW_UP_SUFFIX, InvalidJobRequestError, validateJobId, validateName } from './job-id';
import { withJobIdLock } from './job-id-lock';
import { bullConnection, type QueueSettings } from './queue-connection';

export interface ScheduleOptions {
  /** When to run; a time in the past means "as soon as possible". */
  runAt: Date;
  /** Attempts before the job is left failed (default 3, exponential back-off from `backoffMs`). */
  attempts?: number;
  /** The first retry's delay, doubled at each next one (default 1 s). */
  backoffMs?: number;
}

export interface ScheduledJob {
  /** The BullMQ job id actually used: `id`, or `id--next` while a run under `id` is active. */
  jobId: string;
  runAt: Date;
  /**
   * The order of this call among all calls for the id (scheduleOnce and cancel), across
   * processes: the call with the highest sequence is the one whose run stands.
   */
  sequence: number;
}

/** What the job carries besides the caller's data, so a handler knows its logical id. */
export interface ScheduledPayload {
  id: string;
  scheduledFor: string;
  data: JsonObject;
}

/** How long an id's call sequence is kept after its last call (it only orders calls). */
const SEQUENCE_TTL_MS = 7 * 24 * 3600 * 1000;
const NEXT_SEQUENCE = `local n = redis.call('INCR', KEYS[1]) redis.call('PEXPIRE', KEYS[1], ARGV[1]) return n`;

const PENDING_STATES = new Set([
  'delayed',
  'waiting',
  'prioritized',
  'waiting-children',
  'completed',
  'failed',
]);

/**
 * Deterministic one-off jobs on BullMQ. BullMQ ignores `add` when a job with the same id exists
 * (in any state, until it is removed), so re-scheduling is remove-then-add, done under a short
 * per-id Redis lock (job-id-lock.ts): without it two concurrent calls could both remove, and
 * BullMQ would then drop the second add, so the earlier call would win. Under the lock the calls
 * for one id take turns, each takes the next `sequence`, and the last to take the lock (the
 * highest sequence) wins:
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
 * BullMQ 6.7's own deduplication (`deduplication: { id, replace: true, keepLastIfActive }`) was
 * considered: it replaces only a *delayed* job (a job already waiting, e.g. scheduled for now,
 * keeps the first call's data), and it keys on a separate deduplication id so that `cancel` and
 * inspection by our id become a two-step lookup; the lock keeps the job id the deterministic id
 * with plain BullMQ calls.
 */
export class JobScheduler {
  private readonly queues = new Map<string, Queue>();
  /** Our own connection for the per-id locks and sequences (BullMQ keeps its clients to itself). */
  private redis: Redis | undefined;

  constructor(private readonly settings: QueueSettings) {}

  queue(name: string): Queue {
    validateName(name, 'queue');
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, {
        connection: bullConnection(this.settings.redisUrl),
        prefix: this.settings.prefix,
      });
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

    return this.exclusively(queueName, id, async (sequence) => {
      // The follow-up slot is never kept: a new call supersedes any earlier follow-up.
      await this.removeUnlessActive(queue, followUpId);
      const primaryActive = await this.removeUnlessActive(queue, id);
      const jobId = primaryActive ? followUpId : id;

      const payload: ScheduledPayload = { id, scheduledFor: options.runAt.toISOString(), data };
      await queue.add(jobName, payload as unknown as JsonObject, {
        jobId,
        // Measured under the lock, so a call that waited for its turn still runs at its time.
        delay: Math.max(0, options.runAt.getTime() - Date.now()),
        attempts,
        backoff: { type: 'exponential', delay: options.backoffMs ?? 1_000 },
        removeOnComplete: true,
        // Failed jobs are kept a week for inspection; re-scheduling removes one with the same id.
        removeOnFail: { age: 7 * 24 * 3600 },
      });
      return { jobId, runAt: options.runAt, sequence };
    });
  }

  /** Removes the pending run(s) for `id`; answers whether one was removed. */
  async cancel(queueName: string, id: string): Promise<boolean> {
    validateName(queueName, 'queue');
    validateJobId(id);
    const queue = this.queue(queueName);
    // Under the id's lock too: a cancel and a re-schedule racing end as the later of the two.
    return this.exclusively(queueName, id, async () => {
      let removed = false;
      for (const jobId of [id, id + FOLLOW_UP_SUFFIX]) {
        const job = await queue.getJob(jobId);
        if (job && (await this.tryRemove(job))) removed = true;
      }
      return removed;
    });
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
    const redis = this.redis;
    this.redis = undefined;
    if (redis) await redis.quit().catch(() => redis.disconnect());
  }

  /**
   * Runs `work` holding the id's lock, passing it the call's sequence number. Keys live beside
   * the queue's under a segment with a ':' (which job ids cannot contain), so no BullMQ key of a
   * job can collide with them.
   */
  private async exclusively<T>(
    queueName: string,
    id: string,
    work: (sequence: number) => Promise<T>,
  ): Promise<T> {
    this.redis ??= new Redis(this.settings.redisUrl, { maxRetriesPerRequest: null });
    const redis = this.redis;
    const base = `${this.settings.prefix}:${queueName}:fieldstream:${id}`;
    return withJobIdLock(redis, `${base}:lock`, async () => {
      const sequence = await redis.eval(NEXT_SEQUENCE, 1, `${base}:sequence`, SEQUENCE_TTL_MS);
      return work(Number(sequence));
    });
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
