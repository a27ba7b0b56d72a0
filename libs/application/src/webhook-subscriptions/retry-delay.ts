/** How a webhook event is tried again: exponential back-off, capped, with jitter. */
export interface RetrySettings {
  /** The wait after the first failure. */
  initialMs: number;
  /** No wait is longer (before jitter): how soon a receiver back after hours is caught up. */
  maxMs: number;
  /** 0..1: each wait is drawn evenly from wait × (1 − jitter) to wait × (1 + jitter). */
  jitter: number;
}

/**
 * The wait after the `failures`-th failure in a row (1, 2, ...): initial × 2^(failures − 1), capped,
 * then spread by the jitter so that subscriptions failing together do not retry in step. `random`
 * is the caller's (Math.random in production, fixed in tests).
 */
export function retryDelay(failures: number, settings: RetrySettings, random: () => number): number {
  const exponent = Math.min(Math.max(failures, 1) - 1, 52);
  const base = Math.min(settings.initialMs * 2 ** exponent, settings.maxMs);
  const spread = 1 - settings.jitter + 2 * settings.jitter * random();
  return Math.max(0, Math.round(base * spread));
}
