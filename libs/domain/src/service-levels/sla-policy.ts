import type { ServiceRequestPriority } from '../service-requests/service-request-commands';

/** The two clocks a contract's service level sets for a request. */
export const SLA_CLOCKS = ['response', 'restoration'] as const;
export type SlaClockName = (typeof SLA_CLOCKS)[number];

/** Alarm thresholds in percent of a clock's target when a contract names none. */
export const DEFAULT_SLA_THRESHOLDS: readonly number[] = [50, 75, 90, 100];
/** The deadline itself: reaching it is a breach, not an alarm. */
export const BREACH_PERCENT = 100;

/**
 * What a request's contract promised, copied onto the request's service-level stream when its
 * clocks start: a contract edited later does not move the deadlines of requests already running
 * (the calendar is read again on each change, so a holiday added later still counts).
 */
export type SlaPolicy = {
  contractCode: string;
  contractName: string;
  priority: ServiceRequestPriority;
  responseMinutes: number;
  restorationMinutes: number;
  /** Ascending percentages of each clock's target that raise an alarm; always includes 100. */
  thresholds: number[];
  /** From this percentage on a running clock counts as at risk (dashboards, sorting). */
  atRiskPercent: number;
  /** What ends the response: the first technician on site, or already the first one setting out. */
  responseEndsOn: 'on-site' | 'on-the-way';
  /** Suspension reason codes that stop the clocks while the request is suspended. */
  pausingReasonCodes: string[];
  /** Penalty per started hour of service time a restoration ends beyond its deadline. */
  penaltyPerHour: number;
  currency: string;
  /** The contract's service calendar, read in the site's time zone. */
  serviceCalendarCode: string;
  timeZone: string;
};

export function targetMinutes(policy: SlaPolicy, clock: SlaClockName): number {
  return clock === 'response' ? policy.responseMinutes : policy.restorationMinutes;
}
