/**
 * SQLITE_BUSY handling. `busy_timeout` already waits inside SQLite for most lock waits, but some
 * paths give up at once or after the timeout (a reader meeting WAL recovery, switching a new file
 * to WAL while another process opens it, COMMIT while a checkpointer holds the WAL). Those are
 * retried here with a jittered back-off until a deadline.
 */

export function isBusyError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}

export function backoffMs(attempt: number, ceilingMs = 100): number {
  return 1 + Math.random() * Math.min(ceilingMs, 2 ** Math.min(attempt, 7));
}

const sleepCell = new Int32Array(new SharedArrayBuffer(4));

/** Blocks the thread: only for retries inside an open transaction, where yielding would let
 * reads on the same connection see uncommitted rows. */
export function sleepSync(ms: number): void {
  Atomics.wait(sleepCell, 0, 0, ms);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function retryBusySync<T>(operation: () => T, deadlineMs: number): T {
  const deadline = Date.now() + deadlineMs;
  for (let attempt = 0; ; attempt++) {
    try {
      return operation();
    } catch (error) {
      if (!isBusyError(error) || Date.now() >= deadline) throw error;
      sleepSync(backoffMs(attempt));
    }
  }
}

export async function retryBusy<T>(operation: () => T, deadlineMs: number, ceilingMs = 100): Promise<T> {
  const deadline = Date.now() + deadlineMs;
  for (let attempt = 0; ; attempt++) {
    try {
      return operation();
    } catch (error) {
      if (!isBusyError(error) || Date.now() >= deadline) throw error;
      await sleep(backoffMs(attempt, ceilingMs));
    }
  }
}
