import { RRuleTemporal } from 'rrule-temporal';
import { Temporal } from 'temporal-polyfill';

/** Occurrences searched at most per rule and window: a daily rule over a year is 366. */
const MAX_OCCURRENCES = 2000;

function ruleOf(rrule: string, startDate: string, timeZone: string): RRuleTemporal {
  const body = rrule.replace(/^RRULE:/i, '').trim();
  return new RRuleTemporal({
    rruleString: `DTSTART;TZID=${timeZone}:${startDate.replace(/-/g, '')}T000000\nRRULE:${body}`,
    maxIterations: 100_000,
  });
}

/** What is wrong with a plan's rule, in words, or undefined when it is a usable recurrence. */
export function recurrenceProblem(rrule: string, startDate: string): string | undefined {
  if (/[\r\n]/.test(rrule)) return 'One RRULE line only (no DTSTART or other properties)';
  if (
    /(^|;)\s*(BYHOUR|BYMINUTE|BYSECOND)\s*=/i.test(rrule) ||
    /FREQ\s*=\s*(HOURLY|MINUTELY|SECONDLY)/i.test(rrule)
  ) {
    return 'Visits fall on days: use FREQ=DAILY, WEEKLY, MONTHLY or YEARLY without hours';
  }
  try {
    const rule = ruleOf(rrule, startDate, 'UTC');
    if (!rule.next(undefined, true)) return 'The rule never falls on any day';
    return undefined;
  } catch (error) {
    return `Not an RFC 5545 recurrence rule: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/**
 * The days (YYYY-MM-DD, in `timeZone`) a plan's rule falls on from `from` to `to`, both included.
 * Read in the site's zone: "the first Monday" is the site's first Monday.
 */
export function occurrencesBetween(
  rrule: string,
  startDate: string,
  timeZone: string,
  from: string,
  to: string,
): string[] {
  if (to < from) return [];
  const rule = ruleOf(rrule, startDate, timeZone);
  const start = Temporal.PlainDate.from(from).toZonedDateTime({ timeZone });
  const end = Temporal.PlainDate.from(to).add({ days: 1 }).toZonedDateTime({ timeZone });
  const days: string[] = [];
  for (const occurrence of rule.between(
    new Date(start.epochMilliseconds),
    new Date(end.epochMilliseconds - 1),
    true,
  )) {
    days.push(occurrence.toPlainDate().toString());
    if (days.length >= MAX_OCCURRENCES) break;
  }
  return [...new Set(days)];
}
