import type { HttpAnswer } from './keep-alive-client';
import { emptyOutcome, type LoadOutcome, recordAnswer, recordFailure } from './load-outcome';

/** Records one answer: 2xx counts as done, anything else as an error of its status. */
export type RecordAnswer = (answer: HttpAnswer, startedAt: number) => void;

/**
 * `clients` loops that each send a call, wait for its answer and send the next, for `seconds`
 * (closed loop: the throughput the server sustains at that concurrency). `step` answers false when
 * it has no more work (e.g. no more opened requests to assign), which ends that loop early.
 */
export async function closedLoop(
  clients: number,
  seconds: number,
  step: (record: RecordAnswer) => Promise<boolean>,
): Promise<LoadOutcome> {
  const outcome = emptyOutcome();
  const record: RecordAnswer = (answer, startedAt) =>
    recordAnswer(outcome, answer, performance.now() - startedAt);
  const started = performance.now();
  const until = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < until) {
        try {
          if (!(await step(record))) break;
        } catch (error) {
          recordFailure(outcome, 0, error instanceof Error ? error.message : String(error));
        }
      }
    }),
  );
  outcome.ms = performance.now() - started;
  return outcome;
}
