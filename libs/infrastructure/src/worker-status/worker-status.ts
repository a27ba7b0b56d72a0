import type { Redis } from 'ioredis';

/**
 * How the worker tells the API how it is doing, through Redis (the only thing both processes
 * share in every deployment):
 *
 * - key `<QUEUE_PREFIX>:worker-status:<instanceId>`, value the JSON below;
 * - rewritten every WORKER_STATUS_INTERVAL_MS with a TTL of three intervals, so a worker that
 *   dies or hangs disappears on its own, and a worker that is merely slow survives one missed beat;
 * - one key per worker instance, so several workers can run side by side; the API lists them with
 *   SCAN (a handful of keys) and reports each.
 *
 * The projection and subscription fields mirror @fieldstream/projections' status, kept here as a
 * plain shape so the API does not depend on the projection engine.
 */
export interface WorkerProjectionReport {
  name: string;
  version: number;
  state: string;
  checkpoint: number | null;
  headPosition: number | null;
  lagEvents: number | null;
  lagMs: number | null;
  eventsPerSecond: number;
  consecutiveFailures: number;
  lastError?: { message: string; at: string };
  /** The projection's event subscription, as the event store reports it; null when none is open. */
  subscription?: {
    state: 'catching-up' | 'live' | 'reconnecting' | 'stopped';
    reconnects: number;
    lastError?: string;
  } | null;
}

export interface WorkerStatusReport {
  instanceId: string;
  pid: number;
  hostname: string;
  startedAt: string;
  reportedAt: string;
  /** What the worker is doing overall: starting, running, or stopping after a signal. */
  phase: 'starting' | 'running' | 'stopping';
  projectionsRunning: boolean;
  projections: WorkerProjectionReport[];
  /**
   * The event subscription is alive when every projection is live or catching up; a projection
   * whose subscription is reconnecting or stopped reports `disconnected` and is not alive (a
   * failed one is retrying its subscription); `states` says more.
   */
  subscription: { alive: boolean; states: Record<string, string> };
  eventStore: { ok: boolean; adapter: string; headPosition?: number; detail?: string };
  queues: { queue: string; running: boolean; jobNames: string[] }[];
  redis: { up: boolean; latencyMs?: number; usedMemoryBytes?: number; error?: string };
}

export function workerStatusKey(prefix: string, instanceId: string): string {
  return `${prefix}:worker-status:${instanceId}`;
}

export async function publishWorkerStatus(
  redis: Redis,
  prefix: string,
  report: WorkerStatusReport,
  intervalMs: number,
): Promise<void> {
  await redis.set(workerStatusKey(prefix, report.instanceId), JSON.stringify(report), 'PX', intervalMs * 3);
}

export async function removeWorkerStatus(redis: Redis, prefix: string, instanceId: string): Promise<void> {
  await redis.del(workerStatusKey(prefix, instanceId));
}

/** Every worker that reported within its TTL, oldest report first. */
export async function readWorkerStatuses(redis: Redis, prefix: string): Promise<WorkerStatusReport[]> {
  const keys: string[] = [];
  let cursor = '0';
  do {
    const [next, batch] = await redis.scan(cursor, 'MATCH', workerStatusKey(prefix, '*'), 'COUNT', 100);
    cursor = next;
    keys.push(...batch);
  } while (cursor !== '0');
  if (keys.length === 0) return [];
  const values = await redis.mget(...keys);
  const reports: WorkerStatusReport[] = [];
  for (const value of values) {
    if (value === null) continue; // expired between SCAN and MGET
    try {
      reports.push(JSON.parse(value) as WorkerStatusReport);
    } catch {
      // A half-written or foreign value is not a worker's report; ignore it rather than fail health.
    }
  }
  return reports.sort((a, b) => a.reportedAt.localeCompare(b.reportedAt));
}
