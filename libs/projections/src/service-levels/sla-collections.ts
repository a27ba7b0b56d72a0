import type { SlaClockName, SlaOutcome, SlaPenalty, SlaStanding, SlaState } from '@fieldstream/domain';
import type { ReadDocument } from '@fieldstream/read-store';
import type { ServiceRequestScope } from '../service-requests/service-request-collections';

/** One document per request: where it stands against its service levels. */
export const SLA_REQUESTS_COLLECTION = 'sla_requests';
/** One document per breach and per penalty charged: what the dashboard's charts count by day. */
export const SLA_OUTCOMES_COLLECTION = 'sla_outcomes';

export type SlaClockView = {
  clock: SlaClockName;
  targetMinutes: number;
  startedAt: string;
  /** Null while paused (it moves on resume), or when the calendar never opens for it. */
  deadline: string | null;
  /** The next alarm this clock waits for, while it runs. */
  nextAlarm: { percent: number; at: string } | null;
  /** The highest threshold recorded (100 once breached). */
  reachedPercent: number | null;
  breached: boolean;
  stopped: { at: string; outcome: SlaOutcome; elapsedMinutes: number; lateMinutes: number } | null;
};

export type SlaRequestDocument = ReadDocument & {
  _id: string;
  requestId: string;
  reference: string;
  customerCode: string;
  siteCode: string;
  assetCode?: string;
  unitCode?: string;
  zoneCode?: string;
  priority: string;
  priorityRank: number;
  openedAt: string;
  /** Whose request it is, as the service requests' read model has it (scope filters). */
  scope: Omit<ServiceRequestScope, 'technicians'>;
  standing: SlaStanding;
  /** True while a clock runs (paused included): an open request on the dashboard. */
  running: boolean;
  notApplicableReason?: string;
  contractCode?: string;
  contractName?: string;
  pause: { since: string; reasonCode: string; reason: string } | null;
  clocks: SlaClockView[];
  /** The earliest deadline among running clocks: what "time left" counts down to. */
  nextDeadline: string | null;
  nextDeadlineClock: SlaClockName | null;
  penalty: { amount: number; currency: string; hours: number } | null;
  /** The fold of the service-level stream, kept to apply the next event with the domain's evolve. */
  state: SlaState;
  /** Global position of the last event applied (the document follows two streams). */
  lastPosition: number;
  updatedAt: string;
};

export type SlaOutcomeDocument = ReadDocument & {
  _id: string;
  requestId: string;
  kind: 'breach' | 'penalty';
  clock: SlaClockName;
  at: string;
  /** YYYY-MM-DD (UTC) for grouping by day. */
  day: string;
  unitCode?: string;
  zoneCode?: string;
  priority: string;
  customerCode: string;
  scope: Omit<ServiceRequestScope, 'technicians'>;
  penalty?: SlaPenalty;
};
