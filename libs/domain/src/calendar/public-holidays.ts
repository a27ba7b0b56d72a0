import Holidays, { type HolidaysTypes } from 'date-holidays';
import { Temporal } from 'temporal-polyfill';
import { DomainError } from '../kernel/domain-error';
import type { HolidayRule } from './calendar-layer';
import { epochDayOf, plainDateOfEpochDay } from './zone-offsets';

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

/** A year's holidays with their local dates as day numbers (days since 1970-01-01), read once. */
const yearDays = new Map<
  string,
  readonly { epochDay: number; name: string; type: HolidaysTypes.HolidayType }[]
>();

function holidayDaysOf(rule: HolidayRule, year: number) {
  const key = `${rule.country}/${rule.subdivision ?? ''}/${year}`;
  let days = yearDays.get(key);
  if (!days) {
    days = holidaysOf(rule, year).map((holiday) => {
      // 'YYYY-MM-DD hh:mm:ss', the local date first; read strictly, as a PlainDate would.
      const date = Temporal.PlainDate.from(holiday.date.slice(0, 10));
      return {
        epochDay: epochDayOf(date.year, date.month, date.day),
        name: holiday.name,
        type: holiday.type,
      };
    });
    yearDays.set(key, days);
  }
  return days;
}

/**
 * The holidays of `rule` that close a day between the day numbers `first` and `last` (both
 * included, days since 1970-01-01): what calendars compute with, without a Temporal object per day.
 */
export function closingHolidayDays(
  rule: HolidayRule,
  first: number,
  last: number,
): { epochDay: number; name: string }[] {
  const closedTypes = rule.closedTypes ?? ['public'];
  const result: { epochDay: number; name: string }[] = [];
  const firstYear = plainDateOfEpochDay(first).year;
  const lastYear = plainDateOfEpochDay(last).year;
  for (let year = firstYear; year <= lastYear; year++) {
    for (const holiday of holidayDaysOf(rule, year)) {
      if (!closedTypes.includes(holiday.type)) continue;
      if (holiday.epochDay < first || holiday.epochDay > last) continue;
      result.push({ epochDay: holiday.epochDay, name: holiday.name });
    }
  }
  return result;
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
  return closingHolidayDays(
    rule,
    epochDayOf(first.year, first.month, first.day),
    epochDayOf(last.year, last.month, last.day),
  ).map((holiday) => ({ date: plainDateOfEpochDay(holiday.epochDay), name: holiday.name }));
}
