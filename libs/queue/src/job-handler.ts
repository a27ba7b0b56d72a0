import type { JsonObject } from '@fieldstream/event-store';

export interface JobContext {
  /** The deterministic id the job was scheduled under (without any follow-up suffix). */
  id: string;
  /** 1 on the first run, more on retries. */
  attempt: number;
  /** When the job was meant to run (ISO-8601 UTC). */
  scheduledFor: string;
  /** Aborted when the worker shuts down and gives the job up. */
  signal?: AbortSignal;
}

/**
 * One kind of job. Handlers must be safe to run twice and re-read the current state before
 * acting (a saga only issues commands): Redis can lose jobs, and a crash can repeat one.
 */
export interface JobHandler<Data extends JsonObject = JsonObject> {
  readonly queue: string;
  readonly jobName: string;
  handle(data: Data, context: JobContext): Promise<void>;
}
