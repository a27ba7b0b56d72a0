import { foldEvents } from '../kernel/decider';
import { DomainError } from '../kernel/domain-error';
import { deciderSpecification } from '../testing';
import {
  type EscalationAlert,
  escalationDecider,
  type EscalationEvent,
  escalationStreamName,
  nextAcknowledgementDeadline,
} from './escalation.decider';

const spec = deciderSpecification(escalationDecider);
const REQUEST = 'r-1042';
const T0 = '2026-03-03T10:00:00.000Z';
const T1 = '2026-03-03T10:20:00.000Z';
const T2 = '2026-03-03T10:40:00.000Z';
const T3 = '2026-03-03T11:00:00.000Z';

const alert = (level: number, extra: Partial<EscalationAlert> = {}): EscalationAlert => ({
  chainCode: 'STD',
  level,
  percent: [50, 75, 100, 150][level - 1] ?? 200,
  clock: 'restoration',
  audiences: level === 1 ? ['technicians'] : ['unit-dispatchers'],
  recipients: level === 1 ? ['u-tech'] : ['u-desk'],
  channels: ['inbox', 'push'],
  cause: 'threshold',
  ...extra,
});
const alerted = (level: number, at = T0, extra: Partial<EscalationAlert> = {}): EscalationEvent => ({
  type: 'EscalationLevelAlerted',
  data: { ...alert(level, extra), requestId: REQUEST, at },
});
const acknowledged = (levels: number[], at = T2, note?: string): EscalationEvent => ({
  type: 'EscalationAcknowledged',
  data: { requestId: REQUEST, at, userId: 'u-desk', levels, ...(note && { note }) },
});
const raise = (level: number, at = T0, extra: Partial<EscalationAlert> = {}) => ({
  type: 'alert' as const,
  requestId: REQUEST,
  at,
  alert: alert(level, extra),
});
const acknowledge = (note?: string, at = T2) => ({
  type: 'acknowledge' as const,
  requestId: REQUEST,
  at,
  userId: 'u-desk',
  ...(note !== undefined && { note }),
});

describe('escalation: alerts', () => {
  it('keeps one stream per request', () => {
    expect(escalationStreamName(REQUEST)).toBe('request-escalation-r-1042');
  });

  it('alerts a level with whom it reached and until when to acknowledge', () => {
    const extra = { acknowledgeBy: T1 };
    spec
      .given([])
      .when(raise(1, T0, extra))
      .then([alerted(1, T0, extra)]);
  });

  it('alerts a level once: a second alert of it decides nothing, whatever its cause', () => {
    spec
      .given([alerted(1)])
      .when(raise(1, T1))
      .thenNothingHappens();
    spec
      .given([alerted(1), alerted(2, T1)])
      .when(raise(2, T2, { cause: 'unacknowledged' }))
      .thenNothingHappens();
    spec
      .given([alerted(1), acknowledged([1])])
      .when(raise(1, T3))
      .thenNothingHappens();
  });

  it('alerts the next level because the one before was not acknowledged', () => {
    spec
      .given([alerted(1, T0, { acknowledgeBy: T1 })])
      .when(raise(2, T1, { cause: 'unacknowledged' }))
      .then([alerted(2, T1, { cause: 'unacknowledged' })]);
  });

  it.each([0, -1, 1.5])('refuses level %p: levels count from 1', (level) => {
    spec
      .given([])
      .when(raise(level))
      .thenThrows(DomainError, (e) => e.code === 'invalid_level' && e.details['field'] === 'level');
  });
});

describe('escalation: acknowledgement', () => {
  it('covers every level alerted and not yet acknowledged', () => {
    spec
      .given([alerted(1), alerted(2, T1)])
      .when(acknowledge())
      .then([acknowledged([1, 2])]);
  });

  it('keeps a note, trimmed, and leaves out a blank one', () => {
    spec
      .given([alerted(1)])
      .when(acknowledge('  On my way  '))
      .then([acknowledged([1], T2, 'On my way')]);
    spec
      .given([alerted(1)])
      .when(acknowledge('   '))
      .then([acknowledged([1])]);
  });

  it('refuses an acknowledgement when nothing has been raised', () => {
    spec
      .given([])
      .when(acknowledge())
      .thenThrows(DomainError, (e) => e.code === 'nothing_to_acknowledge');
  });

  it('decides nothing on a second acknowledgement', () => {
    spec
      .given([alerted(1), alerted(2, T1), acknowledged([1, 2])])
      .when(acknowledge(undefined, T3))
      .thenNothingHappens();
  });

  it('covers only the levels alerted after the last acknowledgement', () => {
    spec
      .given([alerted(1), acknowledged([1], T1), alerted(2, T2), alerted(3, T2)])
      .when(acknowledge(undefined, T3))
      .then([acknowledged([2, 3], T3)]);
  });
});

describe('nextAcknowledgementDeadline', () => {
  const deadline = (events: EscalationEvent[]) =>
    nextAcknowledgementDeadline(foldEvents(escalationDecider, events));

  it('is none before any alert, or when no level asks for an acknowledgement', () => {
    expect(deadline([])).toBeUndefined();
    expect(deadline([alerted(1), alerted(2)])).toBeUndefined();
  });

  it('is the earliest deadline among the open levels', () => {
    expect(
      deadline([alerted(1, T0, { acknowledgeBy: T2 }), alerted(2, T0, { acknowledgeBy: T1 }), alerted(3)]),
    ).toEqual({ level: 2, at: Date.parse(T1) });
  });

  it('forgets the levels acknowledged', () => {
    expect(
      deadline([
        alerted(1, T0, { acknowledgeBy: T1 }),
        acknowledged([1], T1),
        alerted(2, T2, { acknowledgeBy: T3 }),
      ]),
    ).toEqual({ level: 2, at: Date.parse(T3) });
    expect(
      deadline([
        alerted(1, T0, { acknowledgeBy: T1 }),
        alerted(2, T0, { acknowledgeBy: T2 }),
        acknowledged([1, 2]),
      ]),
    ).toBeUndefined();
  });
});
