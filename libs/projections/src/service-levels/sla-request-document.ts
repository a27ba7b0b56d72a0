import {
  BREACH_PERCENT,
  type ServiceRequestEvent,
  type SlaClockState,
  type SlaEvent,
  type SlaState,
  serviceRequestReference,
  slaDecider,
  slaStanding,
} from '@fieldstream/domain';
import { PRIORITY_RANK } from '../service-requests/service-request-collections';
import type { SlaClockView, SlaRequestDocument } from './sla-collections';

type Opened = Extract<ServiceRequestEvent, { type: 'ServiceRequestOpened' }>;

const iso = (ms: number) => new Date(ms).toISOString();

/** The document a request starts with when it opens: no clock yet, until its SLA stream says. */
export function openedSlaDocument(event: Opened, position: number): SlaRequestDocument {
  const data = event.data;
  return finish({
    _id: data.requestId,
    requestId: data.requestId,
    reference: serviceRequestReference(data.requestId),
    customerCode: data.customerCode,
    siteCode: data.siteCode,
    ...(data.assetCode !== undefined && { assetCode: data.assetCode }),
    ...(data.unitCode !== undefined && { unitCode: data.unitCode }),
    ...(data.zoneCode !== undefined && { zoneCode: data.zoneCode }),
    priority: data.priority,
    priorityRank: PRIORITY_RANK[data.priority],
    openedAt: data.at,
    scope: {
      ...(data.unitCode !== undefined && { units: [data.unitCode] }),
      ...(data.zoneCode !== undefined && { zones: [data.zoneCode] }),
      sites: [data.siteCode],
      customers: [data.customerCode],
    },
    standing: 'not-applicable',
    running: false,
    pause: null,
    clocks: [],
    nextDeadline: null,
    nextDeadlineClock: null,
    penalty: null,
    state: slaDecider.initialState,
    lastPosition: position,
    updatedAt: data.at,
  });
}

function clockView(
  clock: SlaClockState,
  stoppedData: Map<string, { elapsedMinutes: number; lateMinutes: number }>,
): SlaClockView {
  // A paused clock has no deadline yet: it moves by the paused time on resume.
  const stands = !clock.stopped && clock.pauses.some((pause) => pause.to === undefined);
  const next =
    clock.stopped || stands
      ? undefined
      : clock.schedule
          .filter((t) => t.at !== null && !clock.reached.includes(t.percent))
          .sort((a, b) => a.at! - b.at!)[0];
  const reached = clock.reached.length > 0 ? Math.max(...clock.reached) : null;
  const minutes = stoppedData.get(clock.clock);
  return {
    clock: clock.clock,
    targetMinutes: clock.targetMinutes,
    startedAt: iso(clock.startedAt),
    deadline: clock.deadline === null || stands ? null : iso(clock.deadline),
    nextAlarm: next ? { percent: next.percent, at: iso(next.at!) } : null,
    reachedPercent: reached,
    breached: clock.stopped ? clock.stopped.outcome === 'breached' : clock.reached.includes(BREACH_PERCENT),
    stopped: clock.stopped
      ? {
          at: iso(clock.stopped.at),
          outcome: clock.stopped.outcome,
          elapsedMinutes: minutes?.elapsedMinutes ?? 0,
          lateMinutes: minutes?.lateMinutes ?? 0,
        }
      : null,
  };
}

/** Everything derived from the fold, recomputed on each write so a rebuild gives the same bytes. */
function finish(document: SlaRequestDocument): SlaRequestDocument {
  const state: SlaState = document.state;
  const previous = new Map(
    document.clocks.filter((clock) => clock.stopped).map((clock) => [clock.clock, clock.stopped!] as const),
  );
  const clocks = state.clocks.map((clock) => clockView(clock, previous));
  const running = state.status === 'running';
  const deadlines = clocks
    .filter((clock) => !clock.stopped && clock.deadline !== null)
    .sort((a, b) => (a.deadline! < b.deadline! ? -1 : 1));
  return {
    ...document,
    standing: slaStanding(state),
    running,
    pause: state.pause
      ? { since: iso(state.pause.since), reasonCode: state.pause.reasonCode, reason: state.pause.reason }
      : null,
    clocks,
    nextDeadline: running && !state.pause ? (deadlines[0]?.deadline ?? null) : null,
    nextDeadlineClock: running && !state.pause ? (deadlines[0]?.clock ?? null) : null,
  };
}

/** Applies one SLA event to the request's document. */
export function evolveSlaDocument(
  document: SlaRequestDocument,
  event: SlaEvent,
  position: number,
): SlaRequestDocument {
  const state = slaDecider.evolve(document.state, event);
  let next: SlaRequestDocument = { ...document, state, lastPosition: position, updatedAt: event.data.at };
  switch (event.type) {
    case 'SlaClocksStarted':
      next = {
        ...next,
        contractCode: event.data.policy.contractCode,
        contractName: event.data.policy.contractName,
      };
      break;
    case 'SlaNotApplicable':
      next = { ...next, notApplicableReason: event.data.reason };
      break;
    case 'SlaClockStopped': {
      const penalty = event.data.penalty;
      next = {
        ...next,
        // The stop's minutes, kept beside the fold (which keeps only when and how it ended).
        clocks: next.clocks.map((clock) =>
          clock.clock === event.data.clock
            ? {
                ...clock,
                stopped: {
                  at: event.data.at,
                  outcome: event.data.outcome,
                  elapsedMinutes: event.data.elapsedMinutes,
                  lateMinutes: event.data.lateMinutes,
                },
              }
            : clock,
        ),
        ...(penalty && {
          penalty: {
            amount: Math.round(((next.penalty?.amount ?? 0) + penalty.amount) * 100) / 100,
            currency: penalty.currency,
            hours: (next.penalty?.hours ?? 0) + penalty.hours,
          },
        }),
      };
      break;
    }
    default:
      break;
  }
  return finish(next);
}
