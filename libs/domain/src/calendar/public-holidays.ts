import Holidays, { type HolidaysTypes } from 'date-holidays';
import { Temporal } from 'temporal-polyfill';
import { DomainError } from '../kernel/domain-error';
import type { HolidayRule } from './calendar-layer';

/** A holiday that closes a whole local day. */
export interface ClosingHoliday {
  readonly date: Temporal.PlainDate;
  readonly name: string;
}

// Building a Holidays instance parses the country's rules and computing a year walks them all;
// calendars ask for the same few countries and years over and over, so both are kept. The cache
// holds only what date-holidays derives from its own rule data: no clock, no I/O.
const instances = new Map<string, Holidays>();
const years = new Map<string, readonly HolidaysTypes.Holiday[]>();

/**
 * date-holidays answers an unknown country with no holidays and an unknown subdivision with the
 * country's alone: a typo would silently open every regional holiday. Refuse both instead.
 */
function assertKnown(rule: HolidayRule): void {
  const catalogue = new Holidays();
  const subdivisions = catalogue.getCountries()[rule.country]
    ? (catalogue.getStates(rule.country) ?? {})
    : undefined;
  if (!subdivisions || (rule.subdivision && !subdivisions[rule.subdivision])) {
    throw new DomainError(
      'unknown_holiday_calendar',
      'No public holiday calendar for this country or subdivision',
      {
        country: rule.country,
        subdivision: rule.subdivision,
      },
    );
  }
}

function holidaysOf(rule: HolidayRule, year: number): readonly HolidaysTypes.Holiday[] {
  const key = `${rule.country}/${rule.subdivision ?? ''}`;
  let instance = instances.get(key);
  if (!instance) {
    assertKnown(rule);
    instance = rule.subdivision ? new Holidays(rule.country, rule.subdivision) : new Holidays(rule.country);
    instances.set(key, instance);
  }
  let holidays = years.get(`${key}/${year}`);
  if (!holidays) {
    holidays = instance.getHolidays(year);
    years.set(`${key}/${year}`, holidays);
  }
  return holidays;
}

/**
 * The holidays of `rule` that close a day between `first` and `last` (both included). The date is
 * the local calendar date date-holidays reports; partial-day holidays (e.g. an afternoon off on
 * Christmas Eve, type 'optional' or 'bank' in most countries) close the whole day when their type
 * is listed as closed — the organisation decides by type, not by hour.
 */
export function closingHolidays(
  rule: HolidayRule,
  first: Temporal.PlainDate,
  last: Temporal.PlainDate,
): ClosingHoliday[] {
  const closedTypes = rule.closedTypes ?? ['public'];
  const result: ClosingHoliday[] = [];
  for (let year = first.year; year <= last.year; year++) {
    for (const holiday of holidaysOf(rule, year)) {
      if (!closedTypes.includes(holiday.type)) continue;
      const date = Temporal.PlainDate.from(holiday.date.slice(0, 10));
      if (Temporal.PlainDate.compare(date, first) < 0 || Temporal.PlainDate.compare(date, last) > 0) continue;
      result.push({ date, name: holiday.name });
    }
  }
  return result;
}
