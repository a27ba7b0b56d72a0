import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { RecordedEvent } from '@fieldstream/event-store';

export const READ_WORKER_SCRIPT = join(__dirname, 'sqlite-read.worker.js');

interface Pending {
  resolve(events: RecordedEvent[]): void;
  reject(error: Error): void;
}

/**
 * A worker thread with its own read-only connection to the store's file, reading large pages of
 * `$all` while this thread does something else with the previous one (a rebuild applies and
 * commits it). It starts on the first large read and lives until the store closes.
 *
 * Its connection sees only committed transactions, as the store's own does, so the store's
 * no-gap argument holds for it unchanged; and a request is posted only when the read is asked
 * for, so every append acknowledged before that is visible to it.
 *
 * It reads ahead: after a full page, the next one (see sqlite-read.worker.js), which a caller
 * paging the log gets without waiting; this thread's part of a page is then one JSON.parse.
 *
 * A page it fails to read is rejected and the store reads it in-process instead; once the thread
 * itself has failed (it could not start, or it died), `broken` is set and the store stops using it.
 */
export class SqliteReadWorker {
  private worker: Worker | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  broken = false;

  constructor(
    private readonly file: string,
    private readonly busyTimeoutMs: number,
    private readonly script: string = READ_WORKER_SCRIPT,
  ) {}

  /** Whether a worker thread is running now. */
  get started(): boolean {
    return this.worker !== undefined;
  }

  read(sql: string, parameters: Record<string, unknown>): Promise<RecordedEvent[]> {
    if (this.broken) return Promise.reject(new Error('The read worker has failed'));
    let worker: Worker;
    try {
      worker = this.worker ?? this.start();
    } catch (error) {
      this.broken = true;
      return Promise.reject(error as Error);
    }
    const id = this.nextId++;
    return new Promise<RecordedEvent[]>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      // Held while a page is awaited, so that a process whose only work is that read waits for it.
      if (this.pending.size === 1) worker.ref();
      worker.postMessage({ id, sql, parameters });
    });
  }

  async stop(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    this.broken = true;
    if (worker !== undefined) await worker.terminate();
    this.failAll(new Error('The read worker was stopped'));
  }

  private start(): Worker {
    const worker = new Worker(this.script, {
      workerData: { file: this.file, busyTimeoutMs: this.busyTimeoutMs },
    });
    worker.on('message', (message: { id: number; json?: string; error?: string }) => {
      const pending = this.pending.get(message.id);
      if (pending === undefined) return;
      this.pending.delete(message.id);
      // An idle worker must not keep the process alive.
      if (this.pending.size === 0) worker.unref();
      if (message.json === undefined) {
        pending.reject(new Error(message.error ?? 'The read worker answered nothing'));
        return;
      }
      try {
        pending.resolve(JSON.parse(message.json) as RecordedEvent[]);
      } catch (error) {
        pending.reject(error as Error);
      }
    });
    worker.on('error', (error) => this.fail(worker, error));
    worker.on('exit', (code) => this.fail(worker, new Error(`The read worker exited with code ${code}`)));
    this.worker = worker;
    return worker;
  }

  private fail(worker: Worker, error: Error): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    this.broken = true;
    this.failAll(error);
  }

  private failAll(error: Error): void {
    const pending = [...this.pending.values()];
    this.pending.clear();
    for (const { reject } of pending) reject(error);
  }
}
