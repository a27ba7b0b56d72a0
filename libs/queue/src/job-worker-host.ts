import type { JsonObject } from '@fieldstream/event-store';
import { type Job, Worker } from 'bullmq';
import type { JobHandler } from './job-handler';
import type { ScheduledPayload } from './job-scheduler.service';
import { bullConnection, type QueueSettings } from './queue-connection';

export interface JobWorkerHostOptions extends QueueSettings {
  /** Jobs run at once per queue (default 10). */
  concurrency?: number;
  onError?: (error: Error, context: { queue: string; jobId?: string; jobName?: string }) => void;
}

export interface QueueWorkerStatus {
  queue: string;
  running: boolean;
  jobNames: string[];
}

/**
 * Runs the registered handlers: one BullMQ worker per queue, dispatching on the job's name.
 * Modules register their handlers before `start()`; a job whose name no handler claims fails
 * (and stays failed for inspection) rather than being silently dropped.
 */
export class JobWorkerHost {
  private readonly handlers = new Map<string, Map<string, JobHandler>>();
  private readonly workers: Worker[] = [];

  constructor(private readonly options: JobWorkerHostOptions) {}

  register(handler: JobHandler): void {
    const byName = this.handlers.get(handler.queue) ?? new Map<string, JobHandler>();
    if (byName.has(handler.jobName)) {
      throw new Error(`A handler for ${handler.queue}/${handler.jobName} is already registered`);
    }
    if (this.workers.length > 0) throw new Error('Register job handlers before start()');
    byName.set(handler.jobName, handler);
    this.handlers.set(handler.queue, byName);
  }

  async start(): Promise<void> {
    for (const [queue, byName] of this.handlers) {
      const worker = new Worker(queue, (job, _token, signal) => this.dispatch(byName, job, signal), {
        connection: bullConnection(this.options.redisUrl),
        prefix: this.options.prefix,
        concurrency: this.options.concurrency ?? 10,
        autorun: false,
      });
      worker.on('error', (error) => this.options.onError?.(error, { queue }));
      worker.on('failed', (job, error) =>
        this.options.onError?.(error, { queue, ...(job ? { jobId: job.id ?? '', jobName: job.name } : {}) }),
      );
      this.workers.push(worker);
      void worker.run().catch((error: unknown) => this.options.onError?.(error as Error, { queue }));
      await worker.waitUntilReady();
    }
  }

  status(): QueueWorkerStatus[] {
    return [...this.handlers].map(([queue, byName]) => {
      const worker = this.workers.find((w) => w.name === queue);
      return { queue, running: worker?.isRunning() ?? false, jobNames: [...byName.keys()] };
    });
  }

  /** Stops taking jobs and waits for the running ones to finish. */
  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.close()));
    this.workers.length = 0;
  }

  private async dispatch(byName: Map<string, JobHandler>, job: Job, signal?: AbortSignal): Promise<void> {
    const handler = byName.get(job.name);
    if (!handler) throw new Error(`No handler for job ${job.name} on queue ${job.queueName}`);
    const payload = job.data as ScheduledPayload;
    await handler.handle(payload.data as JsonObject, {
      id: payload.id,
      attempt: job.attemptsMade + 1,
      scheduledFor: payload.scheduledFor,
      ...(signal ? { signal } : {}),
    });
  }
}
