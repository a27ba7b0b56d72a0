import type { Principal } from '@fieldstream/domain';

/** Who asks, when, and how the request ties to others: becomes every event's metadata. */
export interface CommandContext {
  actor: Principal;
  /** The moment the command is decided at (the caller's clock, a test's fixed one). */
  at: string;
  correlationId: string;
  causationId?: string;
  /**
   * A client's Idempotency-Key: the events' ids derive from it, so a retried request re-appends the
   * same ids and the store answers with the first append's result instead of writing twice.
   */
  idempotencyKey?: string;
  /** Free metadata (client, import id...). */
  extra?: Record<string, string>;
}

/** Acting as the system itself (seeding, sagas). */
export function systemContext(
  at: string,
  correlationId: string,
  extra?: Record<string, string>,
): CommandContext {
  return {
    actor: { id: 'system', displayName: 'Fieldstream', kind: 'user', role: 'admin' },
    at,
    correlationId,
    ...(extra ? { extra } : {}),
  };
}
