import type { HttpAnswer } from './keep-alive-client';
import { emptyOutcome, type LoadOutcome, recordAnswer, recordFailure } from './load-outcome';

export interface OpenLoopResult extends LoadOutcome {
  /** How far behind its schedule the sender itself fell at worst (ms): a busy generator shows here. */
  senderBehindMs: number;
  /** Calls still unanswered when the drain timeout passed (counted as errors too). */
  unanswered: number;
}

/**
 * Sends `rate` calls per second for `seconds` on a fixed schedule, whether or not earlier calls
 * have been answered (open loop), and measures each call from the time it was *scheduled*, not
 * sent: a stalled server or a late sender then shows as latency instead of hiding as fewer samples
 * (coordinated omission).
 */
export async function openLoop(
  rate: number,
  seconds: number,
  send: (index: number) => Promise<HttpAnswer>,
  drainTimeoutMs = 30_000,
): Promise<OpenLoopResult> {
  const outcome = emptyOutcome();
  const total = Math.round(rate * seconds);
  const interval = 1000 / rate;
  const pending = new Set<Promise<void>>();
  let senderBehindMs = 0;
  const started = performance.now() + 5;
  let sent = 0;
  await new Promise<void>((done) => {
    const tick = () => {
      const now = performance.now();
      while (sent < total && started + sent * interval <= now) {
        const scheduled = started + sent * interval;
        senderBehindMs = Math.max(senderBehindMs, now - scheduled);
        const call: Promise<void> = send(sent)
          .then((answer) => {
            if (outcome.ms > 0) return; // answered after the drain timeout: already counted as unanswered
            recordAnswer(outcome, answer, performance.now() - scheduled);
          })
          .catch((error: unknown) => {
            if (outcome.ms > 0) return;
            outcome.latencies.push(performance.now() - scheduled);
            recordFailure(outcome, 0, error instanceof Error ? error.message : String(error));
          })
          .finally(() => pending.delete(call));
        pending.add(call);
        sent++;
      }
      if (sent >= total) done();
      else setTimeout(tick, Math.max(0, Math.min(1, started + sent * interval - performance.now())));
    };
    tick();
  });
  const drained = await Promise.race([
    Promise.all(pending).then(() => true),
    new Promise<false>((resolve) => setTimeout(() => resolve(false), drainTimeoutMs)),
  ]);
  const unanswered = drained ? 0 : pending.size;
  outcome.ms = performance.now() - started;
  if (unanswered > 0) {
    outcome.errors.set(-1, unanswered);
    outcome.firstError ??= `${unanswered} calls unanswered ${drainTimeoutMs} ms after the last send`;
    // Not measured any more, but still waited for (a while): the next phase must not inherit a backlog.
    await Promise.race([Promise.all(pending), new Promise((resolve) => setTimeout(resolve, 120_000))]);
  }
  return { ...outcome, senderBehindMs, unanswered };
}
