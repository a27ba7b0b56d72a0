import type { RequestEscalation } from '@fieldstream/api-contract';

type Level = RequestEscalation['levels'][number];

/** A level raised at the 50 % alarm of the response clock, alerting Mario Rossi in the inbox. */
export function escalationLevelOf(level: number, over: Partial<Level> = {}): Level {
  return {
    level,
    percent: 50,
    clock: 'response',
    cause: 'threshold',
    alertedAt: '2026-11-27T08:30:00.000Z',
    recipients: [{ userId: 'user-disp.mi', displayName: 'Mario Rossi' }],
    channels: ['inbox'],
    acknowledgeBy: '2026-11-27T08:45:00.000Z',
    acknowledged: null,
    ...over,
  };
}

/** A request's escalation under chain ESC-HIGH. */
export function requestEscalationOf(
  requestId: string,
  over: Partial<RequestEscalation> = {},
): RequestEscalation {
  return { requestId, chainCode: 'ESC-HIGH', levels: [], canAcknowledge: false, ...over };
}
