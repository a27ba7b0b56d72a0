import type { BullmqTimerSettings } from './bullmq-timers';

/**
 * The timers of the notification sagas, as every process that sets them must spell them: the
 * worker runs the jobs, and the API sets them too (an administrator's requeue of a dead delivery).
 * A job set under another queue, name or id would wait for a handler that never comes.
 */

/** A delivery's turn: `delivery-<deliveryId>`, retried by BullMQ as the configuration says. */
export function deliveryTimerSettings(retries: { attempts: number; retryMs: number }): BullmqTimerSettings {
  return {
    queue: 'notifications',
    jobName: 'deliver',
    idPrefix: 'delivery',
    attempts: retries.attempts,
    backoffMs: retries.retryMs,
  };
}

/** A request's next acknowledgement deadline: `escalation-<requestId>`. */
export const ESCALATION_TIMER_SETTINGS: BullmqTimerSettings = {
  queue: 'escalations',
  jobName: 'check-acknowledgements',
  idPrefix: 'escalation',
  attempts: 12,
};
