import type { CalendarLayer } from '../calendar/calendar-layer';
import { foldEvents } from '../kernel/decider';
import { DomainError } from '../kernel/domain-error';
import type { ServiceRequestEvent } from '../service-requests/service-request-events';
import { deciderSpecification } from '../testing';
import type { ClockSchedule, SlaEvent, SlaOutcome, SlaPenalty } from './sla-events';
import type { SlaClockName, SlaPolicy } from './sla-policy';
import { nextSlaAlarm, type SlaCommand, slaDecider } from './sla.decider';
import { slaStanding } from './sla-standing';

const spec = deciderSpecification(slaDecider);
const ID = 'SR-7';
/** Rome wall-clock time in winter (+01:00), as the ISO instant events carry. */
const rome = (local: string) => new Date(`${local}:00+01:00`).toISOString();
const code = (expected: string) => (error: DomainError) => error.code === expected;

/** The contract's service calendar: 08–18 Monday to Friday in Rome, Italian public holidays closed. */
const officeRome: CalendarLayer = {
  name: 'Service hours',
  timeZone: 'Europe/Rome',
  weeklyHours: Object.fromEntries(
    (['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((day) => [day, [{ from: '08:00', to: '18:00' }]]),
  ),
  holidays: { country: 'IT' },
};

const policy: SlaPolicy = {
  contractCode: 'ACME-FULL',
  contractName: 'ACME full service',
  priority: 'high',
  responseMinutes: 120,
  restorationMinutes: 480,
  thresholds: [50, 75, 90, 100],
  atRiskPercent: 75,
  pausingReasonCodes: ['waiting-customer'],
  responseEndsOn: 'on-site',
  penaltyPerHour: 50,
  currency: 'EUR',
  serviceCalendarCode: 'OFFICE-IT',
  timeZone: 'Europe/Rome',
};

// The request's own events, as its stream holds them.
const OPENED_AT = rome('2026-11-27T16:00'); // a Friday
const opened = (at = OPENED_AT): ServiceRequestEvent => ({
  type: 'ServiceRequestOpened',
  data: {
    requestId: ID,
    at,
    source: 'desk',
    customerCode: 'ACME',
    siteCode: 'ACME-MILANO',
    description: 'Boiler does not start',
    priority: 'high',
    conditionCodes: [],
    contact: { name: 'Mario Rossi', phone: '+39 02 1234567' },
    explicitAcceptance: false,
  },
});
const workStarted = (at: string): ServiceRequestEvent => ({
  type: 'ServiceRequestWorkStarted',
  data: { requestId: ID, at, technicianCode: 'ANNA' },
});
const suspended = (at: string, reasonCode?: string): ServiceRequestEvent => ({
  type: 'ServiceRequestSuspended',
  data: {
    requestId: ID,
    at,
    reason: 'Customer not on site',
    ...(reasonCode && { reasonCode }),
    from: 'assigned',
  },
});
const resumed = (at: string): ServiceRequestEvent => ({
  type: 'ServiceRequestResumed',
  data: { requestId: ID, at, to: 'assigned' },
});
const closed = (at: string): ServiceRequestEvent => ({
  type: 'ServiceRequestClosed',
  data: {
    requestId: ID,
    at,
    estimate: { labourMinutes: 60, technicianCodes: ['ANNA'] },
    actuals: {
      labourMinutes: 90,
      travelMinutes: 20,
      travelKm: 12,
      materials: [],
      correctiveActions: ['Replaced the igniter'],
      resolution: 'Boiler restarted',
    },
  },
});
const remotelyResolved = (at: string): ServiceRequestEvent => ({
  type: 'ServiceRequestRemotelyResolved',
  data: { requestId: ID, at, resolution: 'Reset by phone', releasedAssignments: [] },
});
const cancelled = (at: string): ServiceRequestEvent => ({
  type: 'ServiceRequestCancelled',
  data: { requestId: ID, at, reason: 'Customer withdrew', releasedAssignments: [] },
});
const rejected = (at: string): ServiceRequestEvent => ({
  type: 'ServiceRequestRejected',
  data: { requestId: ID, at, diagnosis: 'Out of contract' },
});
const reopened = (at: string, closedAt: string): ServiceRequestEvent => ({
  type: 'ServiceRequestReopened',
  data: { requestId: ID, at, reason: 'Leaking again', closedAt, reopenWindowDays: 7 },
});
const noteAdded = (at: string): ServiceRequestEvent => ({
  type: 'ServiceRequestNoteAdded',
  data: { requestId: ID, at, text: 'Customer called back' },
});

const follow = (
  requestEvent: ServiceRequestEvent,
  requestRevision: number,
  extra: { policy?: SlaPolicy | null; noPolicyReason?: string } = {},
): Extract<SlaCommand, { type: 'followRequest' }> => ({
  type: 'followRequest',
  requestEvent,
  requestRevision,
  calendar: [officeRome],
  ...extra,
});
const open = follow(opened(), 0, { policy });
const recordDue = (at: string): SlaCommand => ({ type: 'recordDue', at });

/** The events a run of commands records, each decided on the state the previous ones left. */
function decided(...commands: SlaCommand[]): SlaEvent[] {
  return commands.reduce<SlaEvent[]>(
    (events, command) => [...events, ...slaDecider.decide(command, foldEvents(slaDecider, events))],
    [],
  );
}
const stateAfter = (...commands: SlaCommand[]) => foldEvents(slaDecider, decided(...commands));

// What the clocks record, spelled out.
const schedule = (clock: SlaClockName, targetMinutes: number, at: Record<number, string>): ClockSchedule => ({
  clock,
  targetMinutes,
  deadline: at[100]!,
  thresholds: [50, 75, 90, 100].map((percent) => ({ percent, at: at[percent]! })),
});
const threshold = (
  clock: SlaClockName,
  percent: number,
  dueAt: string,
  at: string,
  deadline: string,
): SlaEvent => ({
  type: 'SlaThresholdReached',
  data: { requestId: ID, at, clock, percent, dueAt, deadline },
});
const breach = (clock: SlaClockName, deadline: string, at: string): SlaEvent => ({
  type: 'SlaBreached',
  data: { requestId: ID, at, clock, deadline },
});
const stop = (
  clock: SlaClockName,
  outcome: SlaOutcome,
  at: string,
  requestRevision: number,
  elapsedMinutes: number,
  lateMinutes: number,
  penalty?: SlaPenalty,
): SlaEvent => ({
  type: 'SlaClockStopped',
  data: {
    requestId: ID,
    at,
    requestRevision,
    clock,
    outcome,
    elapsedMinutes,
    lateMinutes,
    ...(penalty && { penalty }),
  },
});

// Opened Friday 16:00: 2 service hours of response end at 18:00 the same day, 8 of restoration on
// Monday at 14:00 (2 on Friday, 6 on Monday from 08:00).
const RESPONSE_DEADLINE = rome('2026-11-27T18:00');
const RESTORATION_DEADLINE = rome('2026-11-30T14:00');
const responseAt = {
  50: rome('2026-11-27T17:00'),
  75: rome('2026-11-27T17:30'),
  90: rome('2026-11-27T17:48'),
  100: RESPONSE_DEADLINE,
};
const restorationAt = {
  50: rome('2026-11-30T10:00'),
  75: rome('2026-11-30T12:00'),
  90: rome('2026-11-30T13:12'),
  100: RESTORATION_DEADLINE,
};
const clocksStarted: SlaEvent = {
  type: 'SlaClocksStarted',
  data: {
    requestId: ID,
    at: OPENED_AT,
    requestRevision: 0,
    policy,
    clocks: [schedule('response', 120, responseAt), schedule('restoration', 480, restorationAt)],
  },
};
const paused = (
  at: string,
  requestRevision: number,
  clocks: SlaClockName[] = ['response', 'restoration'],
): SlaEvent => ({
  type: 'SlaClocksPaused',
  data: {
    requestId: ID,
    at,
    requestRevision,
    reasonCode: 'waiting-customer',
    reason: 'Customer not on site',
    clocks,
  },
});

describe('starting the clocks', () => {
  it('starts both clocks on opening, deadlines and thresholds counted in service hours', () => {
    spec.given([]).when(open).then([clocksStarted]);
  });

  it('records that no service level applies when the opening comes without a policy', () => {
    spec
      .given([])
      .when(follow(opened(), 0, { policy: null, noPolicyReason: 'No contract covers site ACME-MILANO' }))
      .then([
        {
          type: 'SlaNotApplicable',
          data: {
            requestId: ID,
            at: OPENED_AT,
            requestRevision: 0,
            reason: 'No contract covers site ACME-MILANO',
          },
        },
      ]);
    spec
      .given([])
      .when(follow(opened(), 0))
      .then([
        {
          type: 'SlaNotApplicable',
          data: { requestId: ID, at: OPENED_AT, requestRevision: 0, reason: 'No service level applies' },
        },
      ]);
  });

  it('follows nothing more on a request no service level applies to', () => {
    const notApplicable = decided(follow(opened(), 0, { policy: null }));
    spec
      .given(notApplicable)
      .when(follow(workStarted(rome('2026-11-30T09:30')), 3))
      .thenNothingHappens();
    spec
      .given(notApplicable)
      .when(follow(closed(rome('2026-12-02T09:30')), 4))
      .thenNothingHappens();
    spec
      .given(notApplicable)
      .when(recordDue(rome('2026-12-02T09:30')))
      .thenNothingHappens();
  });

  it('starts the clocks once: a later opening decides nothing', () => {
    spec
      .given([clocksStarted])
      .when(follow(opened(rome('2026-11-27T16:10')), 5, { policy }))
      .thenNothingHappens();
  });

  it('decides nothing for a request change that concerns no clock', () => {
    spec
      .given([clocksStarted])
      .when(follow(noteAdded(rome('2026-11-27T16:30')), 1))
      .thenNothingHappens();
  });

  it('follows nothing before the opening, and records no alarm', () => {
    spec
      .given([])
      .when(follow(workStarted(rome('2026-11-27T16:30')), 3))
      .thenNothingHappens();
    spec
      .given([])
      .when(recordDue(rome('2026-12-27T16:30')))
      .thenNothingHappens();
  });
});

describe('retries of request events already followed', () => {
  it('decides nothing for a repeat of an old request revision, even once alarms are due', () => {
    const history = decided(open, follow(suspended(rome('2026-11-27T16:45'), 'waiting-customer'), 2));
    spec
      .given(history)
      .when(follow(suspended(rome('2026-11-27T16:45'), 'waiting-customer'), 2))
      .thenNothingHappens();
    spec.given(history).when(open).thenNothingHappens();

    const responded = decided(open, follow(workStarted(rome('2026-11-30T09:30')), 3));
    spec
      .given(responded)
      .when(follow(workStarted(rome('2026-11-30T09:30')), 3))
      .thenNothingHappens();
    spec
      .given(responded)
      .when(follow(closed(rome('2026-11-30T15:00')), 1))
      .thenNothingHappens();
  });

  it('refuses a revision that is not a whole number from 0', () => {
    for (const revision of [-1, 1.5, Number.NaN]) {
      spec
        .given([clocksStarted])
        .when(follow(noteAdded(rome('2026-11-27T16:30')), revision))
        .thenThrows(
          DomainError,
          (e) => e.code === 'invalid_revision' && e.details['field'] === 'requestRevision',
        );
    }
  });
});

describe('suspensions', () => {
  it('pauses every running clock for a reason the contract names', () => {
    spec
      .given([clocksStarted])
      .when(follow(suspended(rome('2026-11-27T16:45'), 'waiting-customer'), 2))
      .then([paused(rome('2026-11-27T16:45'), 2)]);
  });

  it('records the alarms already due before it pauses', () => {
    const at = rome('2026-11-27T17:10');
    spec
      .given([clocksStarted])
      .when(follow(suspended(at, 'waiting-customer'), 2))
      .then([threshold('response', 50, responseAt[50], at, RESPONSE_DEADLINE), paused(at, 2)]);
  });

  it('pauses nothing for a reason the contract does not name, or without a reason code', () => {
    spec
      .given([clocksStarted])
      .when(follow(suspended(rome('2026-11-27T16:45'), 'waiting-parts'), 2))
      .thenNothingHappens();
    spec
      .given([clocksStarted])
      .when(follow(suspended(rome('2026-11-27T16:45')), 2))
      .thenNothingHappens();
  });

  it('pauses only the clock still running once the technician is on site', () => {
    const responded = decided(open, follow(workStarted(rome('2026-11-27T16:30')), 3));
    spec
      .given(responded)
      .when(follow(suspended(rome('2026-11-27T16:45'), 'waiting-customer'), 4))
      .then([paused(rome('2026-11-27T16:45'), 4, ['restoration'])]);
  });

  it('resumes with each deadline moved by the service time spent paused', () => {
    // Paused Friday 16:45 (45 minutes run) to Monday 10:00: 75 service minutes on Friday and 120 on
    // Monday stood still, so the response is due at 11:15 instead of Friday 18:00, and the
    // restoration at 17:15 instead of 14:00. pausedMinutes is clock time: 65 h 15 min.
    const history = decided(open, follow(suspended(rome('2026-11-27T16:45'), 'waiting-customer'), 2));
    spec
      .given(history)
      .when(follow(resumed(rome('2026-11-30T10:00')), 3))
      .then([
        {
          type: 'SlaClocksResumed',
          data: {
            requestId: ID,
            at: rome('2026-11-30T10:00'),
            requestRevision: 3,
            pausedMinutes: 65 * 60 + 15,
            clocks: [
              schedule('response', 120, {
                50: rome('2026-11-30T10:15'),
                75: rome('2026-11-30T10:45'),
                90: rome('2026-11-30T11:03'),
                100: rome('2026-11-30T11:15'),
              }),
              schedule('restoration', 480, {
                50: rome('2026-11-30T13:15'),
                75: rome('2026-11-30T15:15'),
                90: rome('2026-11-30T16:27'),
                100: rome('2026-11-30T17:15'),
              }),
            ],
          },
        },
      ]);
  });

  it('judges the response against the moved deadline once resumed', () => {
    const history = decided(
      open,
      follow(suspended(rome('2026-11-27T16:45'), 'waiting-customer'), 2),
      follow(resumed(rome('2026-11-30T10:00')), 3),
    );
    const at = rome('2026-11-30T11:00');
    const moved = rome('2026-11-30T11:15');
    spec
      .given(history)
      .when(follow(workStarted(at), 4))
      .then([
        threshold('response', 50, rome('2026-11-30T10:15'), at, moved),
        threshold('response', 75, rome('2026-11-30T10:45'), at, moved),
        stop('response', 'met', at, 4, 105, 0),
      ]);
  });

  it('reads the calendar again on resuming: a closure added meanwhile moves the deadline further', () => {
    const history = decided(open, follow(suspended(rome('2026-11-27T16:45'), 'waiting-customer'), 2));
    const closure: CalendarLayer = {
      ...officeRome,
      exceptions: [{ kind: 'closed', from: '2026-11-30T12:00', to: '2026-11-30T13:00', reason: 'Strike' }],
    };
    const [resumedEvent] = slaDecider.decide(
      { ...follow(resumed(rome('2026-11-30T10:00')), 3), calendar: [closure] },
      foldEvents(slaDecider, history),
    );
    // 435 minutes left from Monday 10:00: 120 before the closure, 300 after it, 15 on Tuesday.
    expect(resumedEvent?.type === 'SlaClocksResumed' && resumedEvent.data.clocks[1]!.deadline).toBe(
      rome('2026-12-01T08:15'),
    );
  });

  it('records no alarm while paused, however late the timer comes', () => {
    const history = decided(open, follow(suspended(rome('2026-11-27T16:45'), 'waiting-customer'), 2));
    spec
      .given(history)
      .when(recordDue(rome('2026-12-04T15:00')))
      .thenNothingHappens();
  });

  it('resumes nothing that was not paused, but records the alarms due by then', () => {
    const history = decided(open, follow(suspended(rome('2026-11-27T16:45'), 'waiting-parts'), 2));
    const at = rome('2026-11-27T17:40');
    spec
      .given(history)
      .when(follow(resumed(at), 3))
      .then([
        threshold('response', 50, responseAt[50], at, RESPONSE_DEADLINE),
        threshold('response', 75, responseAt[75], at, RESPONSE_DEADLINE),
      ]);
  });

  it('counts nothing of the pause when a paused request is cancelled', () => {
    const history = decided(open, follow(suspended(rome('2026-11-27T16:45'), 'waiting-customer'), 2));
    const at = rome('2026-12-02T09:00');
    spec
      .given(history)
      .when(follow(cancelled(at), 3))
      .then([stop('response', 'cancelled', at, 3, 45, 0), stop('restoration', 'cancelled', at, 3, 45, 0)]);
  });
});

describe('the response clock', () => {
  it('stops as met when work starts within the target, with the service minutes it ran', () => {
    const at = rome('2026-11-27T17:15');
    spec
      .given(decided(open, recordDue(rome('2026-11-27T17:05'))))
      .when(follow(workStarted(at), 3))
      .then([stop('response', 'met', at, 3, 75, 0)]);
  });

  it('records the alarms a missed timer left before stopping as breached, with the minutes late', () => {
    // Monday 09:30: 120 minutes on Friday and 90 on Monday, 90 past the 120 promised.
    const at = rome('2026-11-30T09:30');
    spec
      .given([clocksStarted])
      .when(follow(workStarted(at), 3))
      .then([
        threshold('response', 50, responseAt[50], at, RESPONSE_DEADLINE),
        threshold('response', 75, responseAt[75], at, RESPONSE_DEADLINE),
        threshold('response', 90, responseAt[90], at, RESPONSE_DEADLINE),
        breach('response', RESPONSE_DEADLINE, at),
        stop('response', 'breached', at, 3, 210, 90),
      ]);
  });

  it('counts an arrival at the deadline itself as in time: the alarms before it, no breach, met', () => {
    spec
      .given([clocksStarted])
      .when(follow(workStarted(RESPONSE_DEADLINE), 3))
      .then([
        threshold('response', 50, responseAt[50], RESPONSE_DEADLINE, RESPONSE_DEADLINE),
        threshold('response', 75, responseAt[75], RESPONSE_DEADLINE, RESPONSE_DEADLINE),
        threshold('response', 90, responseAt[90], RESPONSE_DEADLINE, RESPONSE_DEADLINE),
        stop('response', 'met', RESPONSE_DEADLINE, 3, 120, 0),
      ]);
  });

  it('stops as breached after a breach the timer recorded, and only once', () => {
    const history = decided(open, recordDue(rome('2026-11-30T08:00')));
    expect(history.filter((e) => e.type === 'SlaBreached')).toHaveLength(1);
    const at = rome('2026-11-30T08:05');
    spec
      .given(history)
      .when(follow(workStarted(at), 3))
      .then([stop('response', 'breached', at, 3, 125, 5)]);
    // A second technician arriving stops nothing more.
    spec
      .given([...history, stop('response', 'breached', at, 3, 125, 5)])
      .when(follow(workStarted(rome('2026-11-30T08:20')), 4))
      .thenNothingHappens();
  });
});

describe('the restoration clock', () => {
  const responded = decided(open, follow(workStarted(rome('2026-11-27T17:15')), 3));

  it('stops as met on closing within the target, with no penalty', () => {
    const at = rome('2026-11-30T11:00');
    spec
      .given(responded)
      .when(follow(closed(at), 4))
      .then([
        threshold('restoration', 50, restorationAt[50], at, RESTORATION_DEADLINE),
        stop('restoration', 'met', at, 4, 300, 0),
      ]);
  });

  it('charges the penalty per started hour past the deadline', () => {
    const timed = decided(
      open,
      follow(workStarted(rome('2026-11-27T17:15')), 3),
      recordDue(RESTORATION_DEADLINE),
    );
    const oneHourLate = rome('2026-11-30T15:00');
    const justOver = rome('2026-11-30T15:01');
    spec
      .given(timed)
      .when(follow(closed(oneHourLate), 4))
      .then([
        stop('restoration', 'breached', oneHourLate, 4, 540, 60, { hours: 1, amount: 50, currency: 'EUR' }),
      ]);
    spec
      .given(timed)
      .when(follow(closed(justOver), 4))
      .then([
        stop('restoration', 'breached', justOver, 4, 541, 61, { hours: 2, amount: 100, currency: 'EUR' }),
      ]);
  });

  it('charges, when a late request is reopened and closed again, only the hours not charged before', () => {
    // Closed Monday 15:00, an hour late: 1 hour charged. Reopened Tuesday 09:00, closed 10:30:
    // 150 minutes late in all, 3 started hours, of which 2 are new.
    const history = decided(
      open,
      follow(workStarted(rome('2026-11-27T17:15')), 3),
      recordDue(RESTORATION_DEADLINE),
      follow(closed(rome('2026-11-30T15:00')), 4),
      follow(reopened(rome('2026-12-01T09:00'), rome('2026-11-30T15:00')), 5),
    );
    const at = rome('2026-12-01T10:30');
    spec
      .given(history)
      .when(follow(closed(at), 8))
      .then([stop('restoration', 'breached', at, 8, 630, 150, { hours: 2, amount: 100, currency: 'EUR' })]);
  });

  it('records the alarms a missed timer left before charging a late closing', () => {
    const at = rome('2026-11-30T15:30');
    spec
      .given(responded)
      .when(follow(closed(at), 4))
      .then([
        threshold('restoration', 50, restorationAt[50], at, RESTORATION_DEADLINE),
        threshold('restoration', 75, restorationAt[75], at, RESTORATION_DEADLINE),
        threshold('restoration', 90, restorationAt[90], at, RESTORATION_DEADLINE),
        breach('restoration', RESTORATION_DEADLINE, at),
        stop('restoration', 'breached', at, 4, 570, 90, { hours: 2, amount: 100, currency: 'EUR' }),
      ]);
  });

  it('charges nothing when the contract sets no penalty', () => {
    const history = decided(
      follow(opened(), 0, { policy: { ...policy, penaltyPerHour: 0 } }),
      follow(workStarted(rome('2026-11-27T17:15')), 3),
      recordDue(RESTORATION_DEADLINE),
    );
    const at = rome('2026-11-30T15:30');
    spec
      .given(history)
      .when(follow(closed(at), 4))
      .then([stop('restoration', 'breached', at, 4, 570, 90)]);
  });

  it('stops both clocks as met when the request is resolved remotely', () => {
    const at = rome('2026-11-27T16:30');
    spec
      .given([clocksStarted])
      .when(follow(remotelyResolved(at), 2))
      .then([stop('response', 'met', at, 2, 30, 0), stop('restoration', 'met', at, 2, 30, 0)]);
  });

  it('stops both clocks as cancelled, with no alarm and nothing late, when the request is cancelled or rejected', () => {
    const late = rome('2026-11-30T09:30');
    spec
      .given([clocksStarted])
      .when(follow(cancelled(late), 2))
      .then([
        stop('response', 'cancelled', late, 2, 210, 0),
        stop('restoration', 'cancelled', late, 2, 210, 0),
      ]);
    const early = rome('2026-11-27T16:30');
    spec
      .given([clocksStarted])
      .when(follow(rejected(early), 1))
      .then([
        stop('response', 'cancelled', early, 1, 30, 0),
        stop('restoration', 'cancelled', early, 1, 30, 0),
      ]);
  });

  it('restarts on reopening without counting the time the request stood closed', () => {
    // Closed Monday 11:00 after 300 of 480 minutes; reopened Tuesday 09:00: 180 minutes are left.
    const closedAt = rome('2026-11-30T11:00');
    const history = decided(
      open,
      follow(workStarted(rome('2026-11-27T17:15')), 3),
      follow(closed(closedAt), 4),
    );
    const at = rome('2026-12-01T09:00');
    const restarted: SlaEvent = {
      type: 'SlaClockRestarted',
      data: {
        requestId: ID,
        at,
        requestRevision: 5,
        reason: 'Leaking again',
        schedule: schedule('restoration', 480, {
          50: restorationAt[50],
          75: rome('2026-12-01T10:00'),
          90: rome('2026-12-01T11:12'),
          100: rome('2026-12-01T12:00'),
        }),
      },
    };
    spec
      .given(history)
      .when(follow(reopened(at, closedAt), 5))
      .then([restarted]);

    // Closed again at 11:30: 300 + 150 minutes, within the target; the response clock stays as it ended.
    const again = rome('2026-12-01T11:30');
    spec
      .given([...history, restarted])
      .when(follow(closed(again), 8))
      .then([
        threshold('restoration', 75, rome('2026-12-01T10:00'), again, rome('2026-12-01T12:00')),
        threshold('restoration', 90, rome('2026-12-01T11:12'), again, rome('2026-12-01T12:00')),
        stop('restoration', 'met', again, 8, 450, 0),
      ]);
  });

  it('restarts nothing on reopening a request whose clocks do not apply', () => {
    const history = decided(follow(opened(), 0, { policy: null }));
    spec
      .given(history)
      .when(follow(reopened(rome('2026-12-01T09:00'), rome('2026-11-30T11:00')), 5))
      .thenNothingHappens();
  });
});

describe('timer visits (recordDue)', () => {
  it('records exactly the alarms due by then, oldest first', () => {
    const at = rome('2026-11-27T17:40');
    spec
      .given([clocksStarted])
      .when(recordDue(at))
      .then([
        threshold('response', 50, responseAt[50], at, RESPONSE_DEADLINE),
        threshold('response', 75, responseAt[75], at, RESPONSE_DEADLINE),
      ]);
  });

  it('records an alarm at the very instant it falls due', () => {
    spec
      .given([clocksStarted])
      .when(recordDue(responseAt[50]))
      .then([threshold('response', 50, responseAt[50], responseAt[50], RESPONSE_DEADLINE)]);
    spec
      .given([clocksStarted])
      .when(recordDue(rome('2026-11-27T16:59')))
      .thenNothingHappens();
  });

  it('records thresholds as alarms and 100% as the breach, both clocks in the order they fell due', () => {
    const at = rome('2026-11-30T14:00');
    spec
      .given([clocksStarted])
      .when(recordDue(at))
      .then([
        threshold('response', 50, responseAt[50], at, RESPONSE_DEADLINE),
        threshold('response', 75, responseAt[75], at, RESPONSE_DEADLINE),
        threshold('response', 90, responseAt[90], at, RESPONSE_DEADLINE),
        breach('response', RESPONSE_DEADLINE, at),
        threshold('restoration', 50, restorationAt[50], at, RESTORATION_DEADLINE),
        threshold('restoration', 75, restorationAt[75], at, RESTORATION_DEADLINE),
        threshold('restoration', 90, restorationAt[90], at, RESTORATION_DEADLINE),
        breach('restoration', RESTORATION_DEADLINE, at),
      ]);
  });

  it('records nothing the second time: a visit repeated is harmless', () => {
    const at = rome('2026-11-27T17:40');
    const first = decided(open, recordDue(at));
    spec.given(first).when(recordDue(at)).thenNothingHappens();
    spec
      .given(first)
      .when(recordDue(rome('2026-11-27T17:45')))
      .thenNothingHappens();
  });

  it('refuses a time that is not ISO 8601', () => {
    spec
      .given([clocksStarted])
      .when(recordDue('soon'))
      .thenThrows(DomainError, (e) => e.code === 'invalid_time' && e.details['field'] === 'at');
    spec
      .given([clocksStarted])
      .when(follow(workStarted('yesterday'), 3))
      .thenThrows(
        DomainError,
        (e) => e.code === 'invalid_time' && e.details['field'] === 'requestEvent.data.at',
      );
    spec
      .given([])
      .when(follow(opened('2026-13-45T99:00'), 0, { policy }))
      .thenThrows(DomainError, code('invalid_time'));
  });
});

describe('nextSlaAlarm', () => {
  it('names the earliest alarm not yet recorded on a running clock', () => {
    expect(nextSlaAlarm(stateAfter(open))).toEqual({
      at: Date.parse(responseAt[50]),
      clock: 'response',
      percent: 50,
    });
    expect(nextSlaAlarm(stateAfter(open, recordDue(rome('2026-11-27T17:40'))))).toEqual({
      at: Date.parse(responseAt[90]),
      clock: 'response',
      percent: 90,
    });
    expect(nextSlaAlarm(stateAfter(open, follow(workStarted(rome('2026-11-27T17:15')), 3)))).toEqual({
      at: Date.parse(restorationAt[50]),
      clock: 'restoration',
      percent: 50,
    });
  });

  it('follows a resumed clock to its moved alarms', () => {
    const state = stateAfter(
      open,
      follow(suspended(rome('2026-11-27T16:45'), 'waiting-customer'), 2),
      follow(resumed(rome('2026-11-30T10:00')), 3),
    );
    expect(nextSlaAlarm(state)).toEqual({
      at: Date.parse(rome('2026-11-30T10:15')),
      clock: 'response',
      percent: 50,
    });
  });

  it('names none while paused, once every clock has stopped, or when no clock runs at all', () => {
    expect(
      nextSlaAlarm(stateAfter(open, follow(suspended(rome('2026-11-27T16:45'), 'waiting-customer'), 2))),
    ).toBeUndefined();
    expect(
      nextSlaAlarm(stateAfter(open, follow(remotelyResolved(rome('2026-11-27T16:30')), 2))),
    ).toBeUndefined();
    expect(nextSlaAlarm(stateAfter(follow(opened(), 0, { policy: null })))).toBeUndefined();
    expect(nextSlaAlarm(slaDecider.initialState)).toBeUndefined();
    expect(nextSlaAlarm(stateAfter(open, recordDue(rome('2026-12-31T12:00'))))).toBeUndefined();
  });
});

describe('slaStanding', () => {
  const suspend = follow(suspended(rome('2026-11-27T16:45'), 'waiting-customer'), 2);
  const started = follow(workStarted(rome('2026-11-27T17:15')), 3);

  it('is on track until the at-risk threshold is recorded, then at risk, then breached', () => {
    expect(slaStanding(stateAfter(open))).toBe('on-track');
    expect(slaStanding(stateAfter(open, recordDue(rome('2026-11-27T17:10'))))).toBe('on-track');
    expect(slaStanding(stateAfter(open, recordDue(rome('2026-11-27T17:40'))))).toBe('at-risk');
    expect(slaStanding(stateAfter(open, recordDue(RESPONSE_DEADLINE)))).toBe('breached');
  });

  it('is paused while the clocks stand', () => {
    expect(slaStanding(stateAfter(open, suspend))).toBe('paused');
  });

  it('is met, breached or cancelled once every clock has stopped, the worst clock first', () => {
    expect(slaStanding(stateAfter(open, started, follow(closed(rome('2026-11-30T11:00')), 4)))).toBe('met');
    expect(slaStanding(stateAfter(open, started, follow(closed(rome('2026-11-30T15:30')), 4)))).toBe(
      'breached',
    );
    expect(
      slaStanding(
        stateAfter(
          open,
          follow(workStarted(rome('2026-11-30T09:00')), 3),
          follow(closed(rome('2026-11-30T11:00')), 4),
        ),
      ),
    ).toBe('breached');
    expect(slaStanding(stateAfter(open, follow(cancelled(rome('2026-11-27T16:30')), 2)))).toBe('cancelled');
    expect(slaStanding(stateAfter(open, suspend, follow(cancelled(rome('2026-11-30T16:30')), 3)))).toBe(
      'cancelled',
    );
  });

  it('keeps a late response as a breach while the restoration runs on track', () => {
    expect(slaStanding(stateAfter(open, follow(workStarted(rome('2026-11-30T09:00')), 3)))).toBe('breached');
  });

  it('is not applicable before the opening and when no service level applies', () => {
    expect(slaStanding(slaDecider.initialState)).toBe('not-applicable');
    expect(slaStanding(stateAfter(follow(opened(), 0, { policy: null })))).toBe('not-applicable');
  });
});

describe('a response that ends on the way', () => {
  const onTheWay = (at: string): ServiceRequestEvent => ({
    type: 'ServiceRequestTechnicianOnTheWay',
    data: { requestId: ID, at, technicianCode: 'ANNA', etaMinutes: 20 },
  });

  it('stops the response when the contract says so, and leaves it running otherwise', () => {
    const at = rome('2026-11-27T17:00');
    const onTheWayContract = decided(
      follow(opened(), 0, { policy: { ...policy, responseEndsOn: 'on-the-way' } }),
    );
    const stopped = slaDecider.decide(follow(onTheWay(at), 3), foldEvents(slaDecider, onTheWayContract));
    expect(stopped.at(-1)).toMatchObject({
      type: 'SlaClockStopped',
      data: { clock: 'response', outcome: 'met', elapsedMinutes: 60 },
    });
    // The usual contract waits for the arrival on site: setting out stops nothing.
    const usual = decided(open);
    expect(
      slaDecider
        .decide(follow(onTheWay(at), 3), foldEvents(slaDecider, usual))
        .filter((event) => event.type === 'SlaClockStopped'),
    ).toEqual([]);
  });
});
