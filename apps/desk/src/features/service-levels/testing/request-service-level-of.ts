import type { RequestServiceLevel, SlaClockView } from '@fieldstream/api-contract';

/** A clock as the API would send it, running by default. */
export function slaClockOf(clock: SlaClockView['clock'], over: Partial<SlaClockView> = {}): SlaClockView {
  return {
    clock,
    targetMinutes: clock === 'response' ? 240 : 480,
    startedAt: '2026-11-27T08:00:00.000Z',
    deadline: clock === 'response' ? '2026-11-27T12:00:00.000Z' : '2026-11-27T16:00:00.000Z',
    nextAlarm: null,
    reachedPercent: null,
    breached: false,
    stopped: null,
    ...over,
  };
}

/** A request's service level as the API would answer it, on track under contract CT-ACME. */
export function requestServiceLevelOf(
  requestId: string,
  over: Partial<RequestServiceLevel> = {},
): RequestServiceLevel {
  return {
    requestId,
    reference: `SR-${requestId.slice(0, 8).toUpperCase()}`,
    standing: 'on-track',
    running: true,
    contractCode: 'CT-ACME',
    contractName: 'Acme full service',
    pause: null,
    clocks: [slaClockOf('response'), slaClockOf('restoration')],
    nextDeadline: '2026-11-27T12:00:00.000Z',
    nextDeadlineClock: 'response',
    penalty: null,
    ...over,
  };
}
