import { RRuleTemporal } from 'rrule-temporal';
import { Temporal } from 'temporal-polyfill';

/** Occurrences searched at most per rule and window: a daily rule over a year is 366. */
const MAX_OCCURRENCES = 2000;

const bodyOf = (rrule: string) => rrule.replace(/^\s*RRULE:/i, '').trim();

function ruleOf(rrule: string, startDate: string, timeZone: string): RRuleTemporal {
  // Noon, not midnight: where summer time starts at midnight (Chile, Paraguay, Cuba, Lebanon,
  // Egypt, the Azores) that day has no 00:00, and RFC 5545 drops an occurrence whose time does not
  // exist. Noon always exists, and the day is all that is used.
  return new RRuleTemporal({
    rruleString: `DTSTART;TZID=${timeZone}:${startDate.replace(/-/g, '')}T120000\nRRULE:${bodyOf(rrule)}`,
    maxIterations: 100_000,
  });
}

/** What is wrong with a plan's rule, in words, or undefined when it is a usable recurrence. */
export function recurrenceProblem(rrule: string, startDate: string): string | undefined {
  if (/[\r\n]/.test(rrule)) return 'One RRULE line only (no DTSTART or other properties)';
  const body = bodyOf(rrule);
  if (
    /(^|;)\s*(BYHOUR|BYMINUTE|BYSECOND)\s*=/i.test(body) ||
    /FREQ\s*=\s*(HOURLY|MINUTELY|SECONDLY)/i.test(body)
  ) {
    return 'Visits fall on days: use FREQ=DAILY, WEEKLY, MONTHLY or YEARLY without hours';
  }
  // The library reads COUNT=abc as no count at all and INTERVAL=1.5 as 1: visits for ever.
  for (const [, part, value] of body.matchAll(/(?:^|;)\s*(COUNT|INTERVAL)\s*=\s*([^;]*)/gi)) {
    if (!/^\d+\s*$/.test(value ?? '')) {
      return `Not an RFC 5545 recurrence rule: ${part?.toUpperCase()} must be a whole number`;
    }
  }
  let rule: RRuleTemporal;
  try {
    rule = ruleOf(body, startDate, 'UTC');
  } catch (error) {
    return `Not an RFC 5545 recurrence rule: ${error instanceof Error ? error.message : String(error)}`;
  }
  try {
    // From DTSTART, not from now: a rule that has ended is still a rule, and validation needs no clock.
    if (!rule.next(new Date(`${startDate}T00:00:00Z`), true)) return 'The rule never falls on any day';
    return undefined;
  } catch {
    // Only a rule that falls nowhere runs out of periods to search (February 30th...).
    return 'The rule never falls on any day';
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
