import ICAL from 'ical.js';
import { Temporal } from 'temporal-polyfill';

/**
 * ical.js can read a VTIMEZONE but cannot write one from IANA data, and clients (Outlook above all)
 * refuse TZID-referenced times whose VTIMEZONE is missing. So we derive one from the transitions
 * Temporal knows: explicit observances for the years the calendar talks about, and a yearly RRULE
 * for the last year's changes when that rule keeps predicting the zone's changes for the next
 * decade (so recurring working hours stay right after the exported range).
 */

const RULE_CHECK_YEARS = 10;
const BYDAY = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

interface Transition {
  /** Wall clock just before the change, in the offset being left, as RFC 5545 wants it. */
  readonly localBefore: Temporal.PlainDateTime;
  readonly offsetFrom: string;
  readonly offsetTo: string;
  readonly offsetToNs: number;
}

function transitionAt(zdt: Temporal.ZonedDateTime): Transition {
  const before = zdt.subtract({ nanoseconds: 1 });
  return {
    localBefore: zdt.toInstant().toZonedDateTimeISO(before.offset).toPlainDateTime(),
    offsetFrom: before.offset,
    offsetTo: zdt.offset,
    offsetToNs: zdt.offsetNanoseconds,
  };
}

// Walking a zone's transitions is slow in the polyfill and exports ask for the same few zones and
// years again and again; like the holiday cache, this holds only what the tz database derives.
const yearCache = new Map<string, readonly Transition[]>();

function transitionsOfYear(timeZone: string, year: number): readonly Transition[] {
  const key = `${timeZone}/${year}`;
  let cached = yearCache.get(key);
  if (!cached) {
    const found: Transition[] = [];
    let cursor: Temporal.ZonedDateTime | null = Temporal.PlainDate.from({ year, month: 1, day: 1 })
      .toZonedDateTime({ timeZone })
      .subtract({ nanoseconds: 1 });
    for (;;) {
      cursor = cursor.getTimeZoneTransition('next');
      if (!cursor || cursor.year > year) break;
      found.push(transitionAt(cursor));
    }
    cached = found;
    yearCache.set(key, cached);
  }
  return cached;
}

const standardCache = new Map<string, number>();

/** The smaller of January's and July's offsets: standard time in either hemisphere. */
function standardOffsetNs(timeZone: string, year: number): number {
  const key = `${timeZone}/${year}`;
  let cached = standardCache.get(key);
  if (cached === undefined) {
    cached = Math.min(
      ...[1, 7].map(
        (month) =>
          Temporal.PlainDate.from({ year, month, day: 1 }).toZonedDateTime({ timeZone }).offsetNanoseconds,
      ),
    );
    standardCache.set(key, cached);
  }
  return cached;
}

function transitionsOfYears(timeZone: string, fromYear: number, toYear: number): Transition[] {
  const result: Transition[] = [];
  for (let year = fromYear; year <= toYear; year++) result.push(...transitionsOfYear(timeZone, year));
  return result;
}

/** 'nth or last weekday of the month' describing a transition's date, as an RRULE BYDAY. */
function yearlyRule(t: Transition): { byMonth: number; byDay: string } {
  const date = t.localBefore;
  const weekday = BYDAY[date.dayOfWeek - 1] as string;
  const last = date.day + 7 > date.daysInMonth;
  return { byMonth: date.month, byDay: `${last ? '-1' : String(Math.ceil(date.day / 7))}${weekday}` };
}

function ruleDate(year: number, byMonth: number, byDay: string): Temporal.PlainDate {
  const ordinal = Number(byDay.slice(0, -2));
  const weekday = BYDAY.indexOf(byDay.slice(-2) as (typeof BYDAY)[number]) + 1;
  if (ordinal < 0) {
    const lastDay = Temporal.PlainDate.from({ year, month: byMonth, day: 31 }, { overflow: 'constrain' });
    return lastDay.subtract({ days: (lastDay.dayOfWeek - weekday + 7) % 7 });
  }
  const first = Temporal.PlainDate.from({ year, month: byMonth, day: 1 });
  return first.add({ days: ((weekday - first.dayOfWeek + 7) % 7) + (ordinal - 1) * 7 });
}

/** Whether the year's transitions, read as yearly rules, predict the next decade exactly. */
function rulesHold(timeZone: string, lastYear: Transition[], year: number): boolean {
  if (lastYear.length === 0) return false;
  for (let y = year + 1; y <= year + RULE_CHECK_YEARS; y++) {
    const actual = transitionsOfYears(timeZone, y, y);
    if (actual.length !== lastYear.length) return false;
    for (const [i, t] of lastYear.entries()) {
      const a = actual[i] as Transition;
      const { byMonth, byDay } = yearlyRule(t);
      const predicted = ruleDate(y, byMonth, byDay).toPlainDateTime(t.localBefore.toPlainTime());
      if (!a.localBefore.equals(predicted) || a.offsetFrom !== t.offsetFrom || a.offsetTo !== t.offsetTo) {
        return false;
      }
    }
  }
  return true;
}

function utcOffset(offset: string): ICAL.UtcOffset {
  // Temporal writes '+01:00' (or '+00:19:32' for old local mean times); RFC 5545 offsets stop at
  // minutes in practice, and ical.js only keeps hours and minutes.
  const [, sign, hours, minutes] = /^([+-])(\d{2}):(\d{2})/.exec(offset) ?? ['', '+', '00', '00'];
  return new ICAL.UtcOffset({
    factor: sign === '-' ? -1 : 1,
    hours: Number(hours),
    minutes: Number(minutes),
  });
}

function observance(
  t: Transition,
  daylight: boolean,
  rule?: { byMonth: number; byDay: string },
): ICAL.Component {
  const c = new ICAL.Component(daylight ? 'daylight' : 'standard');
  c.addPropertyWithValue(
    'dtstart',
    ICAL.Time.fromDateTimeString(t.localBefore.toString({ smallestUnit: 'second' })),
  );
  c.addPropertyWithValue('tzoffsetfrom', utcOffset(t.offsetFrom));
  c.addPropertyWithValue('tzoffsetto', utcOffset(t.offsetTo));
  if (rule)
    c.addPropertyWithValue(
      'rrule',
      ICAL.Recur.fromString(`FREQ=YEARLY;BYMONTH=${rule.byMonth};BYDAY=${rule.byDay}`),
    );
  return c;
}

interface Observance {
  readonly transition: Transition;
  readonly daylight: boolean;
  readonly rule?: { byMonth: number; byDay: string };
}

const planCache = new Map<string, readonly Observance[]>();

function observancesOf(timeZone: string, fromYear: number, toYear: number): readonly Observance[] {
  const key = `${timeZone}/${fromYear}/${toYear}`;
  const cached = planCache.get(key);
  if (cached) return cached;
  const start = Temporal.PlainDate.from({ year: fromYear, month: 1, day: 1 }).toZonedDateTime({ timeZone });
  // The offset in force on 1 January comes from the change before it (or from the zone's origin).
  const previous = start.getTimeZoneTransition('previous');
  const opening: Transition = previous
    ? transitionAt(previous)
    : {
        localBefore: Temporal.PlainDateTime.from('1970-01-01T00:00'),
        offsetFrom: start.offset,
        offsetTo: start.offset,
        offsetToNs: start.offsetNanoseconds,
      };
  const transitions = transitionsOfYears(timeZone, fromYear, toYear);
  const lastYear = transitions.filter((t) => t.localBefore.year === toYear);
  const withRules = rulesHold(timeZone, lastYear, toYear);
  const explicit = withRules ? transitions.filter((t) => t.localBefore.year < toYear) : transitions;
  // Daylight = an offset above the year's smallest one: right in both hemispheres.
  const isDaylight = (t: Transition): boolean =>
    t.offsetToNs > standardOffsetNs(timeZone, t.localBefore.year);
  const plan: Observance[] = [
    { transition: opening, daylight: previous ? isDaylight(opening) : false },
    ...explicit.map((t) => ({ transition: t, daylight: isDaylight(t) })),
    ...(withRules
      ? lastYear.map((t) => ({ transition: t, daylight: isDaylight(t), rule: yearlyRule(t) }))
      : []),
  ];
  planCache.set(key, plan);
  return plan;
}

/**
 * A VTIMEZONE for `timeZone` valid from `fromYear` on: explicit changes up to `toYear`, then yearly
 * rules when the zone follows them. Deterministic for a given tz database.
 */
export function vtimezoneFromIana(timeZone: string, fromYear: number, toYear: number): ICAL.Component {
  const vtimezone = new ICAL.Component('vtimezone');
  vtimezone.addPropertyWithValue('tzid', timeZone);
  for (const o of observancesOf(timeZone, fromYear, toYear)) {
    vtimezone.addSubcomponent(observance(o.transition, o.daylight, o.rule));
  }
  return vtimezone;
}
