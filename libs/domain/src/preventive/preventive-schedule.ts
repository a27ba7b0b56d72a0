import { Temporal } from 'temporal-polyfill';
import type { MaintenancePlan } from '../master-data/kinds/maintenance-plan.kind';
import { occurrencesBetween } from './plan-recurrence';

/** A visit a plan calls for: the day the rule gives, and the day it is moved to (an open day). */
export type DueVisit = {
  planCode: string;
  assetCode: string;
  /** The rule's own day: with the plan and asset it names the visit, so it is opened once. */
  occurrence: string;
  /** The first day from the occurrence on that the site is open (closures and holidays skipped). */
  dueOn: string;
  /** Why it moved, when it did. */
  movedBecause?: string;
};

/** Whether a day is closed for a site (its closures, public holidays, days without hours), and why. */
export type ClosedDay = (day: string) => string | undefined;

/** How far an occurrence may move to find an open day before it is reported as not placeable. */
const MAX_SHIFT_DAYS = 31;

/**
 * The calendar visits of one plan for one asset that must be opened now: those falling from
 * `today` to `today + leadDays` (in the site's zone), each moved to the site's next open day.
 */
export function calendarVisitsDue(
  plan: { code: string; record: MaintenancePlan },
  assetCode: string,
  site: { timeZone: string; closed: ClosedDay },
  today: string,
): { due: DueVisit[]; unplaceable: DueVisit[] } {
  const calendar = plan.record.calendar;
  if (!calendar) return { due: [], unplaceable: [] };
  const until = Temporal.PlainDate.from(today).add({ days: plan.record.leadDays }).toString();
  const due: DueVisit[] = [];
  const unplaceable: DueVisit[] = [];
  for (const occurrence of occurrencesBetween(
    calendar.rrule,
    calendar.startDate,
    site.timeZone,
    today,
    until,
  )) {
    let day = occurrence;
    let reason = site.closed(day);
    const firstReason = reason;
    for (let shift = 0; reason !== undefined && shift < MAX_SHIFT_DAYS; shift++) {
      day = Temporal.PlainDate.from(day).add({ days: 1 }).toString();
      reason = site.closed(day);
    }
    const visit: DueVisit = {
      planCode: plan.code,
      assetCode,
      occurrence,
      dueOn: day,
      ...(firstReason !== undefined && { movedBecause: firstReason }),
    };
    (reason === undefined ? due : unplaceable).push(visit);
  }
  return { due, unplaceable };
}

/**
 * The meter threshold a reading calls a visit for, if any: the multiple of `every` the reading has
 * reached or comes within `openBefore` of. One visit per multiple (a jump over several opens one,
 * for the highest); a later reading towards the same multiple gives it again, and the visit's
 * reference (see `preventiveReference`) keeps it opened once.
 */
export function meterThresholdDue(
  rule: NonNullable<MaintenancePlan['meter']>,
  reading: number,
): number | undefined {
  const multiple = Math.floor((reading + rule.openBefore) / rule.every);
  return multiple >= 1 ? multiple * rule.every : undefined;
}

/** The external reference that makes a preventive visit's request unique: opened once, ever. */
export function preventiveReference(planCode: string, assetCode: string, occurrence: string): string {
  return `pm:${planCode}:${assetCode}:${occurrence}`;
}
