export interface WaitOptions {
  /** Give up after this long (default 10 s). */
  timeoutMs?: number;
  /** Pause between attempts (default 50 ms). */
  intervalMs?: number;
  /** Named in the timeout error so a failing test says what it waited for. */
  description?: string;
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Polls `probe` until it returns something other than undefined/false, and returns it. A probe
 * that throws counts as "not yet"; its last error is reported on timeout.
 */
export async function waitFor<T>(
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  options: WaitOptions = {},
): Promise<T> {
  const { timeoutMs = 10_000, intervalMs = 50, description = 'condition' } = options;
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) {
      const reason = lastError instanceof Error ? `; last error: ${lastError.message}` : '';
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${description}${reason}`);
    }
    await sleep(intervalMs);
  }
}

/** Resolves when the HTTP endpoint answers with the expected status (any 2xx by default). */
export async function waitForHttp(
  url: string,
  options: WaitOptions & { status?: number } = {},
): Promise<Response> {
  return waitFor(
    async () => {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      const ok = options.status === undefined ? response.ok : response.status === options.status;
      if (!ok) {
        await response.body?.cancel();
        return undefined;
      }
      return response;
    },
    { description: `${url} to answer`, ...options },
  );
}
