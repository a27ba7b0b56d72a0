import { ApiProblemError } from './api-problem-error';
import { NetworkError } from './network-error';
import { newIdempotencyKey } from './new-idempotency-key';

/**
 * One `Idempotency-Key` per submission. Sending the same thing again after an answer that left the
 * outcome unknown (no answer, a 5xx) is a retry of the same submission and keeps its key, so the
 * server does it at most once. Anything else starts a new submission with a new key: a changed
 * form, an earlier success (a second identical note is a second note), or a 4xx (the server
 * refused and changed nothing, so trying again after checking is a new decision).
 */
export class IdempotencyKeyKeeper {
  private last: { fingerprint: string; key: string } | null = null;

  constructor(private readonly newKey: () => string = newIdempotencyKey) {}

  /** The key for sending `fingerprint` (method, path and body of the request). */
  keyFor(fingerprint: string): string {
    if (this.last?.fingerprint === fingerprint) return this.last.key;
    this.last = { fingerprint, key: this.newKey() };
    return this.last.key;
  }

  /** After the answer: keep the key only when the outcome of the request is unknown. */
  settle(error?: unknown): void {
    const unknownOutcome =
      error instanceof NetworkError || (error instanceof ApiProblemError && error.status >= 500);
    if (!unknownOutcome) this.last = null;
  }
}
