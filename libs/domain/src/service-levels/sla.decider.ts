import type { CalendarLayer } from '../calendar/calendar-layer';
import type { Decider } from '../kernel/decider';
import { DomainError } from '../kernel/domain-error';
import type { ServiceRequestEvent } from '../service-requests/service-request-events';
import type { ClockSchedule, SlaEvent, SlaOutcome, SlaPenalty } from './sla-events';
import { BREACH_PERCENT, SLA_CLOCKS, type SlaClockName, type SlaPolicy, targetMinutes } from './sla-policy';
import { type ClockPause, instantAfterServiceMs, serviceMsBetween } from './service-time';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export type SlaClockState = {
  clock: SlaClockName;
  targetMinutes: number;
  startedAt: number;
  pauses: ClockPause[];
  /** Epoch ms; null when the calendar never opens for it or the clock stands. */
  deadline: number | null;
  /** Each threshold's instant while the clock runs (null: not within the calendar's horizon). */
  schedule: { percent: number; at: number | null }[];
  /** Thresholds already recorded (the breach as 100). */
  reached: number[];
  /** Penalty hours charged at earlier stops (a reopened request's restoration). */
  penaltyHours: number;
  stopped?: { at: number; outcome: SlaOutcome };
};

export type SlaState = {
  status: 'none' | 'not-applicable' | 'running' | 'ended';
  requestId?: string;
  policy?: SlaPolicy;
  /** The last request stream revision followed; -1 before the first. */
  requestRevision: number;
  pause?: { since: number; reasonCode: string; reason: string };
  clocks: SlaClockState[];
};

export type SlaCommand =
  | {
      /**
       * A request event to follow, with what deciding on it needs from outside the stream: the
       * contract's promise (on the opening only; null with a reason when none applies) and the
       * service calendar's layers, read in the site's time zone.
       */
      type: 'followRequest';
      requestEvent: ServiceRequestEvent;
      requestRevision: number;
      calendar: readonly CalendarLayer[];
      policy?: SlaPolicy | null;
      noPolicyReason?: string;
    }
  | {
      /** A timer's visit: records every alarm due by `at` that is not recorded yet. */
      type: 'recordDue';
      at: string;
    };

const initialState: SlaState = { status: 'none', requestRevision: -1, clocks: [] };

function instant(value: string, field: string): number {
  const ms = typeof value === 'string' ? Date.parse(value) : NaN;
  if (Number.isNaN(ms)) {
    throw new DomainError('invalid_time', `${field} must be an ISO 8601 date-time`, { field, value });
  }
  return ms;
}

const iso = (ms: number) => new Date(ms).toISOString();
const isoOrNull = (ms: number | null) => (ms === null ? null : iso(ms));
const parseOrNull = (value: string | null) => (value === null ? null : Date.parse(value));

/** The deadline and alarm instants of a clock counted from its start, skipping its pauses. */
export function scheduleClock(
  calendar: readonly CalendarLayer[],
  clock: { clock: SlaClockName; targetMinutes: number; startedAt: number; pauses: readonly ClockPause[] },
  thresholds: readonly number[],
): ClockSchedule {
  const at = (percent: number) =>
    instantAfterServiceMs(
      calendar,
      clock.startedAt,
      (clock.targetMinutes * MINUTE * percent) / 100,
      clock.pauses,
    ) ?? null;
  return {
    clock: clock.clock,
    targetMinutes: clock.targetMinutes,
    deadline: isoOrNull(at(BREACH_PERCENT)),
    thresholds: thresholds.map((percent) => ({ percent, at: isoOrNull(at(percent)) })),
  };
}

function withSchedule(clock: SlaClockState, schedule: ClockSchedule): SlaClockState {
  return {
    ...clock,
    deadline: parseOrNull(schedule.deadline),
    schedule: schedule.thresholds.map((t) => ({ percent: t.percent, at: parseOrNull(t.at) })),
  };
}

const isRunning = (clock: SlaClockState) => clock.stopped === undefined;

/** Alarms due by `now` on clocks that run and stand not, oldest first. */
function dueAlarms(state: SlaState, now: number, dueBefore = now + 1): SlaEvent[] {
  if (state.status !== 'running' || state.pause) return [];
  const due = state.clocks
    .filter(isRunning)
    .flatMap((clock) =>
      clock.schedule
        .filter((t) => t.at !== null && t.at < dueBefore && !clock.reached.includes(t.percent))
        .map((t) => ({ clock, percent: t.percent, at: t.at! })),
    )
    .sort((a, b) => a.at - b.at || a.percent - b.percent);
  return due.map(({ clock, percent, at }): SlaEvent => {
    const base = { requestId: state.requestId!, at: iso(Math.max(now, at)), clock: clock.clock };
    return percent === BREACH_PERCENT
      ? { type: 'SlaBreached', data: { ...base, deadline: iso(at) } }
      : {
          type: 'SlaThresholdReached',
          data: { ...base, percent, dueAt: iso(at), deadline: isoOrNull(clock.deadline) },
        };
  });
}

function stopClock(
  state: SlaState,
  clock: SlaClockState,
  calendar: readonly CalendarLayer[],
  at: number,
  requestRevision: number,
  cancelled: boolean,
): SlaEvent {
  const policy = state.policy!;
  const elapsedMs = serviceMsBetween(calendar, clock.startedAt, at, clock.pauses);
  const lateMs = Math.max(0, elapsedMs - clock.targetMinutes * MINUTE);
  // Reaching the deadline exactly is still in time; a withdrawn request owes nothing.
  const outcome: SlaOutcome = cancelled ? 'cancelled' : lateMs > 0 ? 'breached' : 'met';
  // Hours charged at an earlier stop (before a reopening) are not charged again.
  const hours = Math.ceil(lateMs / HOUR) - clock.penaltyHours;
  const penalty: SlaPenalty | undefined =
    outcome === 'breached' && clock.clock === 'restoration' && policy.penaltyPerHour > 0 && hours > 0
      ? { hours, amount: Math.round(hours * policy.penaltyPerHour * 100) / 100, currency: policy.currency }
      : undefined;
  return {
    type: 'SlaClockStopped',
    data: {
      requestId: state.requestId!,
      at: iso(at),
      requestRevision,
      clock: clock.clock,
      outcome,
      elapsedMinutes: Math.round(elapsedMs / MINUTE),
      lateMinutes: cancelled ? 0 : Math.round(lateMs / MINUTE),
      ...(penalty && { penalty }),
    },
  };
}

/** The clocks a request event stops, and whether it stops them as withdrawn. */
function clocksStoppedBy(
  event: ServiceRequestEvent,
  policy: SlaPolicy,
): { clocks: SlaClockName[]; cancelled: boolean } {
  switch (event.type) {
    case 'ServiceRequestTechnicianOnTheWay':
      return { clocks: policy.responseEndsOn === 'on-the-way' ? ['response'] : [], cancelled: false };
    case 'ServiceRequestWorkStarted':
      return { clocks: ['response'], cancelled: false };
    case 'ServiceRequestClosed':
    case 'ServiceRequestRemotelyResolved':
      return { clocks: ['response', 'restoration'], cancelled: false };
    case 'ServiceRequestCancelled':
    case 'ServiceRequestRejected':
      return { clocks: ['response', 'restoration'], cancelled: true };
    default:
      return { clocks: [], cancelled: false };
  }
}

function follow(state: SlaState, command: Extract<SlaCommand, { type: 'followRequest' }>): SlaEvent[] {
  const { requestEvent: event, requestRevision, calendar } = command;
  if (!Number.isInteger(requestRevision) || requestRevision < 0) {
    throw new DomainError('invalid_revision', 'requestRevision must be a whole number from 0', {
      field: 'requestRevision',
    });
  }
  if (requestRevision <= state.requestRevision) return []; // seen already: a follower's retry
  const at = instant(event.data.at, 'requestEvent.data.at');
  const base = { requestId: event.data.requestId, at: event.data.at, requestRevision };

  if (event.type === 'ServiceRequestOpened') {
    if (state.status !== 'none') return [];
    const policy = command.policy;
    if (!policy) {
      return [
        {
          type: 'SlaNotApplicable',
          data: { ...base, reason: command.noPolicyReason ?? 'No service level applies' },
        },
      ];
    }
    const clocks = SLA_CLOCKS.map((clock) =>
      scheduleClock(
        calendar,
        { clock, targetMinutes: targetMinutes(policy, clock), startedAt: at, pauses: [] },
        policy.thresholds,
      ),
    );
    return [{ type: 'SlaClocksStarted', data: { ...base, policy, clocks } }];
  }
  // An ended stream still follows a reopening: the restoration clock runs again.
  if (state.status !== 'running' && !(state.status === 'ended' && event.type === 'ServiceRequestReopened')) {
    return [];
  }
  const policy = state.policy!;
  // Alarms that fell due before this change are recorded first, so none is lost to a late timer
  // (strictly before: an arrival at the very deadline is in time, and raises no breach).
  const alarms = dueAlarms(state, at, at);

  switch (event.type) {
    case 'ServiceRequestSuspended': {
      const reasonCode = event.data.reasonCode ?? '';
      const running = state.clocks.filter(isRunning);
      if (state.pause || running.length === 0 || !policy.pausingReasonCodes.includes(reasonCode))
        return alarms;
      return [
        ...alarms,
        {
          type: 'SlaClocksPaused',
          data: { ...base, reasonCode, reason: event.data.reason, clocks: running.map((c) => c.clock) },
        },
      ];
    }
    case 'ServiceRequestResumed': {
      if (!state.pause) return alarms;
      const since = state.pause.since;
      const clocks = state.clocks.filter(isRunning).map((clock) =>
        scheduleClock(
          calendar,
          {
            ...clock,
            pauses: clock.pauses.map((p) => (p.to === undefined ? { from: p.from, to: at } : p)),
          },
          policy.thresholds,
        ),
      );
      return [
        {
          type: 'SlaClocksResumed',
          data: { ...base, pausedMinutes: Math.round((at - since) / MINUTE), clocks },
        },
      ];
    }
    case 'ServiceRequestReopened': {
      const restoration = state.clocks.find((clock) => clock.clock === 'restoration');
      if (!restoration?.stopped || restoration.stopped.outcome === 'cancelled') return alarms;
      const pauses = [...restoration.pauses, { from: restoration.stopped.at, to: at }];
      return [
        ...alarms,
        {
          type: 'SlaClockRestarted',
          data: {
            ...base,
            reason: event.data.reason,
            schedule: scheduleClock(calendar, { ...restoration, pauses }, policy.thresholds),
          },
        },
      ];
    }
    default: {
      const { clocks, cancelled } = clocksStoppedBy(event, policy);
      // Alarms are recorded before a clock they concern stops; a withdrawn request raises none.
      const recorded = cancelled ? [] : alarms;
      const afterAlarms = recorded.reduce(evolve, state);
      const stops = afterAlarms.clocks
        .filter((clock) => isRunning(clock) && clocks.includes(clock.clock))
        .map((clock) => {
          // A clock stopped while it stands: the pause ends with it.
          const pauses = clock.pauses.map((p) => (p.to === undefined ? { from: p.from, to: at } : p));
          return stopClock(afterAlarms, { ...clock, pauses }, calendar, at, requestRevision, cancelled);
        });
      return stops.length === 0 ? alarms : [...recorded, ...stops];
    }
  }
}

function evolve(state: SlaState, event: SlaEvent): SlaState {
  const at = Date.parse(event.data.at);
  const revision = 'requestRevision' in event.data ? event.data.requestRevision : state.requestRevision;
  const next = { ...state, requestRevision: Math.max(state.requestRevision, revision) };
  const mapClocks = (f: (clock: SlaClockState) => SlaClockState) => ({ ...next, clocks: next.clocks.map(f) });
  switch (event.type) {
    case 'SlaClocksStarted':
      return {
        ...next,
        status: 'running',
        requestId: event.data.requestId,
        policy: event.data.policy,
        clocks: event.data.clocks.map((schedule) =>
          withSchedule(
            {
              clock: schedule.clock,
              targetMinutes: schedule.targetMinutes,
              startedAt: at,
              pauses: [],
              deadline: null,
              schedule: [],
              reached: [],
              penaltyHours: 0,
            },
            schedule,
          ),
        ),
      };
    case 'SlaNotApplicable':
      return { ...next, status: 'not-applicable', requestId: event.data.requestId };
    case 'SlaClocksPaused':
      return {
        ...mapClocks((clock) =>
          event.data.clocks.includes(clock.clock)
            ? { ...clock, pauses: [...clock.pauses, { from: at }] }
            : clock,
        ),
        pause: { since: at, reasonCode: event.data.reasonCode, reason: event.data.reason },
      };
    case 'SlaClocksResumed': {
      const resumed = mapClocks((clock) => {
        const schedule = event.data.clocks.find((s) => s.clock === clock.clock);
        const pauses = clock.pauses.map((p) => (p.to === undefined ? { from: p.from, to: at } : p));
        return schedule ? withSchedule({ ...clock, pauses }, schedule) : { ...clock, pauses };
      });
      const { pause: _ended, ...rest } = resumed;
      return rest;
    }
    case 'SlaThresholdReached':
    case 'SlaBreached': {
      const percent = event.type === 'SlaBreached' ? BREACH_PERCENT : event.data.percent;
      return mapClocks((clock) =>
        clock.clock === event.data.clock && !clock.reached.includes(percent)
          ? { ...clock, reached: [...clock.reached, percent] }
          : clock,
      );
    }
    case 'SlaClockStopped': {
      const stopped = mapClocks((clock) =>
        clock.clock === event.data.clock
          ? {
              ...clock,
              pauses: clock.pauses.map((p) => (p.to === undefined ? { from: p.from, to: at } : p)),
              stopped: { at, outcome: event.data.outcome },
              penaltyHours: clock.penaltyHours + (event.data.penalty?.hours ?? 0),
              deadline: clock.deadline,
            }
          : clock,
      );
      const allStopped = stopped.clocks.every((clock) => clock.stopped);
      if (!allStopped) return stopped;
      const { pause: _ended, ...rest } = stopped;
      return { ...rest, status: 'ended' };
    }
    case 'SlaClockRestarted':
      return {
        ...mapClocks((clock) => {
          if (clock.clock !== event.data.schedule.clock || !clock.stopped) return clock;
          const { stopped, ...rest } = clock;
          return withSchedule(
            { ...rest, pauses: [...clock.pauses, { from: stopped.at, to: at }] },
            event.data.schedule,
          );
        }),
        status: 'running',
      };
  }
}

/**
 * A request's service-level clocks (see README.md): started from its contract when it opens,
 * paused and resumed with suspensions for reasons the contract names, stopped by the first
 * arrival on site (response) and by closing (restoration); alarms recorded when a timer, or the
 * next change, finds them due.
 */
export const slaDecider: Decider<SlaState, SlaCommand, SlaEvent> = {
  initialState,
  evolve,
  decide(command, state) {
    switch (command.type) {
      case 'followRequest':
        return follow(state, command);
      case 'recordDue':
        return dueAlarms(state, instant(command.at, 'at'));
    }
  },
};

/** The next alarm a timer must wake up for, if any clock runs towards one. */
export function nextSlaAlarm(
  state: SlaState,
): { at: number; clock: SlaClockName; percent: number } | undefined {
  if (state.status !== 'running' || state.pause) return undefined;
  let next: { at: number; clock: SlaClockName; percent: number } | undefined;
  for (const clock of state.clocks.filter(isRunning)) {
    for (const t of clock.schedule) {
      if (t.at === null || clock.reached.includes(t.percent)) continue;
      if (!next || t.at < next.at) next = { at: t.at, clock: clock.clock, percent: t.percent };
    }
  }
  return next;
}
