import type { HttpAnswer } from './keep-alive-client';

/** What one phase of load produced: completed calls, failures by status, and for how long it ran. */
export interface LoadOutcome {
  /** Calls answered 2xx. */
  ok: number;
  /** Calls answered otherwise (status → count; 0 = transport error) and the first failure's text. */
  errors: Map<number, number>;
  firstError?: string;
  ms: number;
  /** Per-call latency in ms (open loop: from the scheduled send time). */
  latencies: number[];
}

export function emptyOutcome(): LoadOutcome {
  return { ok: 0, errors: new Map(), ms: 0, latencies: [] };
}

/** Records one answer and its latency: 2xx counts as done, anything else as an error of its status. */
export function recordAnswer(outcome: LoadOutcome, answer: HttpAnswer, latencyMs: number): void {
  outcome.latencies.push(latencyMs);
  if (answer.status >= 200 && answer.status < 300) outcome.ok++;
  else recordFailure(outcome, answer.status, answer.body);
}

export function recordFailure(outcome: LoadOutcome, status: number, text: string): void {
  outcome.errors.set(status, (outcome.errors.get(status) ?? 0) + 1);
  outcome.firstError ??= `${status}: ${text.slice(0, 300)}`;
}

export function errorCount(outcome: LoadOutcome): number {
  let total = 0;
  for (const count of outcome.errors.values()) total += count;
  return total;
}

/** `409×3, 500×1`, or `none`. */
export function describeErrors(outcome: LoadOutcome): string {
  if (outcome.errors.size === 0) return 'none';
  return [...outcome.errors]
    .map(([status, count]) => `${status === 0 ? 'transport' : status < 0 ? 'unanswered' : status}×${count}`)
    .join(', ');
}
