import { readFileSync } from 'node:fs';

/** Linux's clock ticks per second for /proc/<pid>/stat (USER_HZ, 100 on every common build). */
const TICKS_PER_SECOND = 100;

/** CPU time (user + system, ms) the processes have used so far; NaN where /proc cannot tell. */
export function cpuMs(pids: readonly (number | undefined)[]): number {
  let total = 0;
  for (const pid of pids) {
    if (pid === undefined) return NaN;
    try {
      // The command name (field 2) may hold spaces: fields are counted after its closing parenthesis.
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      total += ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
    } catch {
      return NaN;
    }
  }
  return total;
}

/**
 * Waits until the processes use less than `share` of one core over a second (background work
 * after a load, e.g. the worker's queues, would otherwise compete with what is measured next).
 * Answers the ms waited, or NaN when /proc cannot tell; gives up after `timeoutMs`.
 */
export async function waitForIdle(
  pids: readonly (number | undefined)[],
  share: number,
  timeoutMs: number,
): Promise<{ waitedMs: number; idle: boolean }> {
  const started = performance.now();
  let before = cpuMs(pids);
  if (Number.isNaN(before)) return { waitedMs: NaN, idle: false };
  while (performance.now() - started < timeoutMs) {
    const from = performance.now();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const after = cpuMs(pids);
    if ((after - before) / (performance.now() - from) < share)
      return { waitedMs: performance.now() - started, idle: true };
    before = after;
  }
  return { waitedMs: performance.now() - started, idle: false };
}
