import type { SlaClockState, SlaState } from './sla.decider';
import { BREACH_PERCENT } from './sla-policy';

/**
 * Where a request stands against its service levels, as a manager's dashboard groups it. It moves
 * only on recorded events (alarms, pauses, stops), never on the reader's clock, so every reader
 * and every rebuild agrees.
 */
export type SlaStanding =
  'on-track' | 'at-risk' | 'breached' | 'paused' | 'met' | 'cancelled' | 'not-applicable';

export function clockStanding(clock: SlaClockState, atRiskPercent: number): SlaStanding {
  if (clock.stopped) return clock.stopped.outcome;
  if (clock.reached.includes(BREACH_PERCENT)) return 'breached';
  return clock.reached.some((percent) => percent >= atRiskPercent) ? 'at-risk' : 'on-track';
}

const breached = (clock: SlaClockState) =>
  clock.stopped ? clock.stopped.outcome === 'breached' : clock.reached.includes(BREACH_PERCENT);

/**
 * The request's standing. While a clock runs: breached if any clock was breached (a late response
 * stays a breach while restoration runs), else paused, at risk or on track. Once all have
 * stopped: breached, cancelled (the request was withdrawn) or met.
 */
export function slaStanding(state: SlaState): SlaStanding {
  if (state.status === 'none' || state.status === 'not-applicable') return 'not-applicable';
  const policy = state.policy!;
  if (state.clocks.some(breached)) return 'breached';
  const running = state.clocks.filter((clock) => !clock.stopped);
  if (running.length > 0) {
    if (state.pause) return 'paused';
    return running.some((clock) => clockStanding(clock, policy.atRiskPercent) === 'at-risk')
      ? 'at-risk'
      : 'on-track';
  }
  return state.clocks.some((clock) => clock.stopped?.outcome === 'cancelled') ? 'cancelled' : 'met';
}
