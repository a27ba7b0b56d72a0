import ICAL from 'ical.js';
import { Temporal } from 'temporal-polyfill';
import { DomainError } from '../../kernel/domain-error';
import type { CalendarException, CalendarLayer, LocalTimeInterval, Weekday } from '../calendar-layer';
import { closingHolidays } from '../public-holidays';
import { escapeText, stableHash } from './icalendar-text';
import { vtimezoneFromIana } from './vtimezone-from-iana';

export const DEFAULT_PRODUCT_ID = '-//Fieldstream//Calendar layers//EN';

/** Names shared with the import side: what our own files say about themselves. */
export const ICAL_CATEGORY = {
  workingHours: 'working-hours',
  closed: 'closed',
  open: 'open',
  holiday: 'holiday',
} as const;
export const X_HOLIDAYS = 'x-fieldstream-holidays';
export const X_HOLIDAY_TYPES = 'x-closed-types';
/** Present when the layer restricts hours, so that "closed every day" survives a round trip. */
export const X_WEEKLY_HOURS = 'x-fieldstream-weekly-hours';

export interface CalendarExportOptions {
  /** Our calendar's id: UIDs derive from it and from each event's content. */
  readonly calendarId: string;
  readonly productId?: string;
  /** ISO instant: DTSTAMP, and the week from which the weekly hours recur. */
  readonly now: string;
  /** Also write the holidays of these years (both included) as closed all-day events. */
  readonly holidayYears?: { readonly from: number; readonly to: number };
}

const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const BYDAY: Record<Weekday, string> = {
  mon: 'MO',
  tue: 'TU',
  wed: 'WE',
  thu: 'TH',
  fri: 'FR',
  sat: 'SA',
  sun: 'SU',
};
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

function parseOrRefuse<T>(
  code: string,
  message: string,
  details: Record<string, unknown>,
  parse: () => T,
): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw new DomainError(code, message, details);
  }
}

function localTime(value: string, day: Weekday, index: number): Temporal.PlainTime {
  return parseOrRefuse(
    'invalid_working_hours',
    'Working hours are written HH:MM',
    { field: `weeklyHours.${day}[${index}]`, value },
    () => Temporal.PlainTime.from(value),
  );
}

function icalDateTime(dt: Temporal.PlainDateTime): ICAL.Time {
  return ICAL.Time.fromDateTimeString(dt.toString({ smallestUnit: 'second' }));
}

/** A property holding a local time in the layer's zone (TZID) or a whole date (VALUE=DATE). */
function timeProperty(name: string, value: Temporal.PlainDateTime | Temporal.PlainDate, timeZone: string) {
  const property = new ICAL.Property(name);
  if (value instanceof Temporal.PlainDate) {
    property.setValue(ICAL.Time.fromDateString(value.toString()));
  } else {
    property.setParameter('tzid', timeZone);
    property.setValue(icalDateTime(value));
  }
  return property;
}

interface EventContent {
  readonly kind: string;
  readonly start: Temporal.PlainDateTime | Temporal.PlainDate;
  readonly end: Temporal.PlainDateTime | Temporal.PlainDate;
  readonly summary: string;
  readonly category: string;
  readonly transparent: boolean;
  readonly byDay?: string[];
}

class UidSource {
  private readonly seen = new Map<string, number>();
  constructor(private readonly calendarId: string) {}

  /** Same content, same UID; a repeated identical event gets a counter so UIDs stay unique. */
  next(content: EventContent): string {
    const key = [
      this.calendarId,
      content.kind,
      content.start.toString(),
      content.end.toString(),
      content.summary,
      content.byDay?.join(',') ?? '',
    ].join('\u0000');
    const hash = stableHash(key);
    const count = (this.seen.get(hash) ?? 0) + 1;
    this.seen.set(hash, count);
    return `${content.kind}-${hash}${count > 1 ? `-${count}` : ''}@fieldstream`;
  }
}

function vevent(content: EventContent, uid: string, stamp: ICAL.Time, timeZone: string): ICAL.Component {
  const event = new ICAL.Component('vevent');
  event.addPropertyWithValue('uid', uid);
  event.addPropertyWithValue('dtstamp', stamp);
  event.addProperty(timeProperty('dtstart', content.start, timeZone));
  event.addProperty(timeProperty('dtend', content.end, timeZone));
  if (content.byDay)
    event.addPropertyWithValue(
      'rrule',
      ICAL.Recur.fromString(`FREQ=WEEKLY;BYDAY=${content.byDay.join(',')}`),
    );
  // iCalendar text escapes '\n' but has no way to carry a bare carriage return.
  event.addPropertyWithValue('summary', content.summary.replace(/\r\n?/g, '\n'));
  event.addPropertyWithValue('categories', content.category);
  event.addPropertyWithValue('transp', content.transparent ? 'TRANSPARENT' : 'OPAQUE');
  return event;
}

/**
 * One recurring event per distinct interval, its BYDAY listing the days that share it: a Mon–Fri
 * 08:00–17:00 week is one event, as people create it by hand. The series starts in the week of
 * `now` (on the first listed day), so calendars do not show hours for the past.
 */
function workingHoursEvents(layer: CalendarLayer, monday: Temporal.PlainDate): EventContent[] {
  const byInterval = new Map<string, { hours: LocalTimeInterval; days: Weekday[] }>();
  for (const day of WEEKDAYS) {
    for (const [index, hours] of (layer.weeklyHours?.[day] ?? []).entries()) {
      const from = localTime(hours.from, day, index);
      const to = localTime(hours.to, day, index);
      const key = `${from.toString()}-${to.toString()}`;
      const entry = byInterval.get(key) ?? { hours: { from: from.toString(), to: to.toString() }, days: [] };
      if (!entry.days.includes(day)) entry.days.push(day);
      byInterval.set(key, entry);
    }
  }
  return [...byInterval.values()].map(({ hours, days }) => {
    const date = monday.add({ days: WEEKDAYS.indexOf(days[0] as Weekday) });
    const from = Temporal.PlainTime.from(hours.from);
    const to = Temporal.PlainTime.from(hours.to);
    // Same rule as the model: an end not after the start runs into the next day.
    const endDate = Temporal.PlainTime.compare(to, from) > 0 ? date : date.add({ days: 1 });
    return {
      kind: 'hours',
      start: date.toPlainDateTime(from),
      end: endDate.toPlainDateTime(to),
      summary: 'Working hours',
      category: ICAL_CATEGORY.workingHours,
      transparent: true,
      byDay: days.map((d) => BYDAY[d]),
    };
  });
}

function exceptionEvent(exception: CalendarException, index: number): EventContent {
  const wholeDays = DATE_ONLY.test(exception.from);
  if (wholeDays !== DATE_ONLY.test(exception.to)) {
    throw new DomainError(
      'mixed_exception_bounds',
      'An exception runs from date to date or date-time to date-time',
      {
        field: `exceptions[${index}]`,
        ...exception,
      },
    );
  }
  const details = { field: `exceptions[${index}]`, from: exception.from, to: exception.to };
  const [start, end] = parseOrRefuse(
    'invalid_exception',
    'An exception has an unreadable date',
    details,
    () =>
      wholeDays
        ? // RFC 5545 ends all-day events on the day after; our model includes the last day.
          [Temporal.PlainDate.from(exception.from), Temporal.PlainDate.from(exception.to).add({ days: 1 })]
        : [Temporal.PlainDateTime.from(exception.from), Temporal.PlainDateTime.from(exception.to)],
  );
  return {
    kind: exception.kind,
    start,
    end,
    summary: exception.reason,
    category: exception.kind === 'closed' ? ICAL_CATEGORY.closed : ICAL_CATEGORY.open,
    transparent: exception.kind === 'open',
  };
}

function holidayEvents(layer: CalendarLayer, years: { from: number; to: number }): EventContent[] {
  if (!layer.holidays) return [];
  return closingHolidays(
    layer.holidays,
    Temporal.PlainDate.from({ year: years.from, month: 1, day: 1 }),
    Temporal.PlainDate.from({ year: years.to, month: 12, day: 31 }),
  ).map((h) => ({
    kind: 'holiday',
    start: h.date,
    end: h.date.add({ days: 1 }),
    summary: h.name,
    category: ICAL_CATEGORY.holiday,
    transparent: false,
  }));
}

function rawProperty(name: string, value: string): ICAL.Property {
  // X- properties are untyped for ical.js: it writes the value as given, so we escape it ourselves.
  const property = new ICAL.Property(name);
  property.setValue(value);
  return property;
}

/**
 * The layer as an RFC 5545 calendar: weekly hours as transparent weekly events, closures and
 * openings as events whose SUMMARY is the reason, the holiday rule as X-FIELDSTREAM-HOLIDAYS.
 * Local times carry the layer's TZID with a VTIMEZONE derived from the IANA data, so wall-clock
 * hours keep their meaning across DST in every client. Same layer and `now`, same bytes.
 */
export function calendarLayerToICalendar(layer: CalendarLayer, options: CalendarExportOptions): string {
  const timeZone = layer.timeZone;
  const nowInstant = parseOrRefuse(
    'invalid_instant',
    'The export time is not an ISO instant',
    { now: options.now },
    () => Temporal.Instant.from(options.now),
  );
  const today = parseOrRefuse(
    'unknown_time_zone',
    'Unknown IANA time zone',
    { field: 'timeZone', timeZone },
    () => nowInstant.toZonedDateTimeISO(timeZone).toPlainDate(),
  );
  const monday = today.subtract({ days: today.dayOfWeek - 1 });

  const contents: EventContent[] = [
    ...workingHoursEvents(layer, monday),
    ...(layer.exceptions ?? []).map(exceptionEvent),
    ...(options.holidayYears ? holidayEvents(layer, options.holidayYears) : []),
  ];

  const years = [monday.year, ...contents.flatMap((c) => [c.start.year, c.end.year])];
  const calendar = new ICAL.Component('vcalendar');
  calendar.addPropertyWithValue('version', '2.0');
  calendar.addPropertyWithValue('prodid', options.productId ?? DEFAULT_PRODUCT_ID);
  calendar.addPropertyWithValue('calscale', 'GREGORIAN');
  calendar.addPropertyWithValue('method', 'PUBLISH');
  calendar.addProperty(rawProperty('x-wr-calname', escapeText(layer.name)));
  calendar.addProperty(rawProperty('x-wr-timezone', timeZone));
  if (layer.weeklyHours) calendar.addProperty(rawProperty(X_WEEKLY_HOURS, 'RESTRICTED'));
  if (layer.holidays) {
    const { country, subdivision, closedTypes } = layer.holidays;
    const rule = rawProperty(X_HOLIDAYS, subdivision ? `${country};${subdivision}` : country);
    if (closedTypes) rule.setParameter(X_HOLIDAY_TYPES, closedTypes.join(','));
    calendar.addProperty(rule);
  }
  calendar.addSubcomponent(vtimezoneFromIana(timeZone, Math.min(...years), Math.max(...years)));

  const stamp = ICAL.Time.fromDateTimeString(
    nowInstant.toString({ smallestUnit: 'second' }).replace(/Z$/, ''),
  );
  stamp.zone = ICAL.Timezone.utcTimezone;
  const uids = new UidSource(options.calendarId);
  for (const content of contents)
    calendar.addSubcomponent(vevent(content, uids.next(content), stamp, timeZone));
  return `${calendar.toString()}\r\n`;
}
