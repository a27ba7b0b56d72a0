/**
 * Where the next alarm of a request's clocks is kept waiting (BullMQ delayed jobs in the worker).
 * One timer per request: setting it again replaces it, so a rescheduled deadline never leaves a
 * stale alarm behind. Timers hold no truth: they only say when to look again.
 */
export interface SlaTimers {
  set(requestId: string, at: Date): Promise<void>;
  clear(requestId: string): Promise<void>;
}
