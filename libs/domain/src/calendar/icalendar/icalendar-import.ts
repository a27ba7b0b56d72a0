import ICAL from 'ical.js';
import { Temporal } from 'temporal-polyfill';
import { DomainError } from '../../kernel/domain-error';
import type {
  CalendarException,
  CalendarLayer,
  HolidayRule,
  LocalTimeInterval,
  Weekday,
} from '../calendar-layer';
import { ICAL_CATEGORY, X_HOLIDAY_TYPES, X_HOLIDAYS, X_WEEKLY_HOURS } from './icalendar-export';
import { formatLocalTime, unescapeText } from './icalendar-text';
import { epochOf, FileTimeZones, isIanaTimeZone, type ResolvedZone } from './icalendar-time-zones';

export interface CalendarImportOptions {
  /** The layer's zone when the file names none (X-WR-TIMEZONE) or names one we do not know. */
  readonly defaultTimeZone: string;
  /**
   * Recurring events other than our weekly hours become one exception per occurrence starting
   * before this local date ('YYYY-MM-DD', excluded): feeds repeat for ever, layers must not.
   */
  readonly expandUntil: string;
  /** Occurrences ending before this local date ('YYYY-MM-DD') are left out. Default: none. */
  readonly expandFrom?: string;
  /** The layer's name when the file has no X-WR-CALNAME. */
  readonly name?: string;
}

export interface CalendarImportWarning {
  readonly code: string;
  readonly message: string;
  /** 1-based physical line of the component or property concerned. */
  readonly line?: number;
  readonly uid?: string;
}

export interface CalendarImportResult {
  readonly layer: CalendarLayer;
  readonly warnings: CalendarImportWarning[];
}

/** A safety net against a rule that expands to absurd numbers before the horizon. */
export const MAX_OCCURRENCES_PER_SERIES = 5000;

const WEEKDAY_OF: Record<string, Weekday> = {
  MO: 'mon',
  TU: 'tue',
  WE: 'wed',
  TH: 'thu',
  FR: 'fri',
  SA: 'sat',
  SU: 'sun',
};
const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** Physical line numbers of the file, for errors a person can find in a text editor. */
class SourceLines {
  private readonly lines: string[];
  private readonly events: { begin: number; end: number }[] = [];

  constructor(text: string) {
    this.lines = text.split(/\r\n|\n|\r/);
    let open: number | undefined;
    this.lines.forEach((line, i) => {
      const upper = line.trim().toUpperCase();
      if (upper === 'BEGIN:VEVENT') open = i + 1;
      if (upper === 'END:VEVENT' && open !== undefined) {
        this.events.push({ begin: open, end: i + 1 });
        open = undefined;
      }
    });
  }

  event(index: number): number | undefined {
    return this.events[index]?.begin;
  }

  /** The first line of the index-th VEVENT holding property `name`, else the VEVENT's own line. */
  property(index: number, name: string): number | undefined {
    const range = this.events[index];
    if (!range) return undefined;
    const pattern = new RegExp(`^${name}[;:]`, 'i');
    for (let i = range.begin; i < range.end; i++) if (pattern.test(this.lines[i] ?? '')) return i + 1;
    return range.begin;
  }

  containing(fragment: string): number | undefined {
    const i = this.lines.findIndex((line) => line.includes(fragment));
    return i < 0 ? undefined : i + 1;
  }
}

/** Where a local time is read: the layer's own zone (no conversion), another zone, or UTC. */
interface TimeValue {
  readonly local: Temporal.PlainDateTime;
  readonly isDate: boolean;
  /** undefined: floating or the layer's zone — the wall clock is taken as it is. */
  readonly zone?: ResolvedZone | 'utc';
}

type Span =
  | { readonly allDay: true; readonly from: Temporal.PlainDate; readonly toExclusive: Temporal.PlainDate }
  | { readonly allDay: false; readonly from: Temporal.PlainDateTime; readonly to: Temporal.PlainDateTime };

interface EventContext {
  readonly index: number;
  readonly uid?: string;
}

function plainOf(time: ICAL.Time): Temporal.PlainDateTime {
  return Temporal.PlainDateTime.from({
    year: time.year,
    month: time.month,
    day: time.day,
    hour: time.isDate ? 0 : time.hour,
    minute: time.isDate ? 0 : time.minute,
    // ical.js writes a leap second 60 as is; Temporal would refuse it.
    second: time.isDate ? 0 : Math.min(time.second, 59),
  });
}

function categoriesOf(event: ICAL.Component): Set<string> {
  const result = new Set<string>();
  for (const property of event.getAllProperties('categories')) {
    for (const value of property.getValues())
      if (typeof value === 'string') result.add(value.trim().toLowerCase());
  }
  return result;
}

function formatLocal(dt: Temporal.PlainDateTime): string {
  return dt.toString({ smallestUnit: dt.second ? 'second' : 'minute' });
}

class CalendarReader {
  readonly warnings: CalendarImportWarning[] = [];
  private readonly zones: FileTimeZones;

  constructor(
    private readonly calendar: ICAL.Component,
    private readonly lines: SourceLines,
    private readonly timeZone: string,
    private readonly options: CalendarImportOptions,
  ) {
    this.zones = new FileTimeZones(calendar);
  }

  warn(code: string, message: string, context?: EventContext): void {
    const line = context ? this.lines.event(context.index) : undefined;
    this.warnings.push({
      code,
      message,
      ...(line !== undefined ? { line } : {}),
      ...(context?.uid !== undefined ? { uid: context.uid } : {}),
    });
  }

  fail(code: string, message: string, context: EventContext, property?: string, extra: object = {}): never {
    const line = property ? this.lines.property(context.index, property) : this.lines.event(context.index);
    throw new DomainError(code, message, {
      component: 'VEVENT',
      ...(line !== undefined ? { line } : {}),
      ...(context.uid !== undefined ? { uid: context.uid } : {}),
      ...extra,
    });
  }

  timeValue(property: ICAL.Property, context: EventContext, name: string): TimeValue {
    const value = property.getFirstValue();
    if (!(value instanceof ICAL.Time))
      this.fail('invalid_date', `${name.toUpperCase()} is not a date or date-time`, context, name);
    const local = plainOf(value);
    if (value.isDate) return { local, isDate: true };
    const tzid = property.getParameter('tzid');
    if (tzid === this.timeZone) return { local, isDate: false };
    // ical.js reads both 'Z' and TZID=UTC as its UTC zone.
    if (value.zone === ICAL.Timezone.utcTimezone || value.zone?.tzid === 'UTC')
      return { local, isDate: false, zone: 'utc' };
    if (typeof tzid !== 'string') return { local, isDate: false };
    const zone = this.zones.resolve(tzid);
    if (!zone) {
      this.fail(
        'unknown_time_zone',
        `Unknown time zone "${tzid}": not an IANA name and no VTIMEZONE defines it`,
        context,
        name,
        {
          tzid,
        },
      );
    }
    return { local, isDate: false, zone };
  }

  /** A timed value as wall clock in the layer's zone. */
  toLayer(value: TimeValue, local = value.local): Temporal.PlainDateTime {
    if (!value.zone) return local;
    const epoch =
      value.zone === 'utc' ? local.toZonedDateTime('UTC').epochMilliseconds : epochOf(local, value.zone);
    return Temporal.Instant.fromEpochMilliseconds(epoch).toZonedDateTimeISO(this.timeZone).toPlainDateTime();
  }

  /** DTSTART and the end (DTEND, else DURATION, else RFC 5545's defaults) of one component. */
  bounds(event: ICAL.Component, context: EventContext): { start: TimeValue; end?: TimeValue } {
    const dtstart = event.getFirstProperty('dtstart');
    if (!dtstart) this.fail('missing_dtstart', 'An event has no DTSTART', context);
    const start = this.timeValue(dtstart, context, 'dtstart');
    const dtend = event.getFirstProperty('dtend');
    if (dtend) return { start, end: this.timeValue(dtend, context, 'dtend') };
    const duration = event.getFirstPropertyValue('duration');
    if (duration instanceof ICAL.Duration) {
      const end = (dtstart.getFirstValue() as ICAL.Time).clone();
      end.addDuration(duration);
      return { start, end: { ...start, local: plainOf(end) } };
    }
    return { start };
  }

  /** An occurrence of `bounds` moved to `occurrenceStart` (wall clock in the event's own zone). */
  span(
    bounds: { start: TimeValue; end?: TimeValue },
    context: EventContext,
    occurrenceStart = bounds.start.local,
  ): Span | undefined {
    const { start, end } = bounds;
    if (start.isDate) {
      const from = occurrenceStart.toPlainDate();
      // RFC 5545: an all-day event without an end lasts that day.
      const days = end ? end.local.toPlainDate().since(start.local.toPlainDate()).days : 1;
      return { allDay: true, from, toExclusive: from.add({ days: Math.max(days, 1) }) };
    }
    if (!end) {
      this.warn('empty_event', 'A timed event without DTEND or DURATION lasts no time: skipped', context);
      return undefined;
    }
    // The nominal (wall-clock) duration, as ical.js and most clients repeat it.
    const occurrenceEnd = occurrenceStart.add(end.local.since(start.local, { largestUnit: 'day' }));
    const from = this.toLayer(start, occurrenceStart);
    const to = this.toLayer(end.isDate ? { ...end, isDate: false } : end, occurrenceEnd);
    if (Temporal.PlainDateTime.compare(from, to) >= 0) {
      this.warn('empty_event', 'An event ends before it starts: skipped', context);
      return undefined;
    }
    return { allDay: false, from, to };
  }

  /** Our weekly-hours form: working-hours, FREQ=WEEKLY with only BYDAY, at most 24 h long. */
  weeklyHours(
    event: ICAL.Component,
    rule: ICAL.Recur,
    context: EventContext,
  ): { days: Weekday[]; hours: LocalTimeInterval } | undefined {
    const parts = Object.keys(rule.parts ?? {});
    const byDay = (rule.parts?.BYDAY ?? []) as string[];
    if (
      rule.freq !== 'WEEKLY' ||
      (rule.interval ?? 1) !== 1 ||
      rule.count ||
      rule.until ||
      parts.some((p) => p !== 'BYDAY') ||
      byDay.length === 0 ||
      byDay.some((d) => !WEEKDAY_OF[d]) ||
      event.hasProperty('exdate') ||
      event.hasProperty('rdate')
    ) {
      return undefined;
    }
    const bounds = this.bounds(event, context);
    if (bounds.start.isDate || !bounds.end) return undefined;
    if (bounds.start.zone)
      this.warn('hours_zone', 'Working hours written in another zone are read in the layer zone', context);
    const from = this.toLayer(bounds.start);
    const to = this.toLayer(bounds.end);
    const length = to.since(from, { largestUnit: 'hour' });
    if (length.sign <= 0 || Temporal.Duration.compare(length, { hours: 24 }) > 0) return undefined;
    // Exactly 24 h is written 'HH:MM'–'HH:MM': the model reads an end not after the start as next day.
    if (
      Temporal.PlainDate.compare(to.toPlainDate(), from.toPlainDate()) > 0 &&
      Temporal.PlainTime.compare(to.toPlainTime(), from.toPlainTime()) > 0
    ) {
      return undefined;
    }
    return {
      days: byDay.map((d) => WEEKDAY_OF[d] as Weekday),
      hours: {
        from: formatLocalTime(from.hour, from.minute, from.second),
        to: formatLocalTime(to.hour, to.minute, to.second),
      },
    };
  }

  exception(kind: 'open' | 'closed', span: Span, reason: string): CalendarException {
    return span.allDay
      ? { kind, from: span.from.toString(), to: span.toExclusive.subtract({ days: 1 }).toString(), reason }
      : { kind, from: formatLocal(span.from), to: formatLocal(span.to), reason };
  }

  /** Every occurrence of a recurring event inside [expandFrom, expandUntil), overrides applied. */
  expand(
    master: ICAL.Component,
    overrides: ICAL.Component[],
    context: EventContext,
    reason: string,
  ): { span: Span; reason: string }[] {
    const until = Temporal.PlainDate.from(this.options.expandUntil);
    const from = this.options.expandFrom ? Temporal.PlainDate.from(this.options.expandFrom) : undefined;
    const bounds = this.bounds(master, context);
    const event = new ICAL.Event(master, { exceptions: overrides });
    const iterator = event.iterator();
    const spans: { span: Span; reason: string }[] = [];
    for (let count = 0, next = iterator.next(); next; next = iterator.next(), count++) {
      if (count >= MAX_OCCURRENCES_PER_SERIES) {
        this.warn(
          'too_many_occurrences',
          `Only the first ${MAX_OCCURRENCES_PER_SERIES} occurrences were imported`,
          context,
        );
        break;
      }
      const local = plainOf(next);
      // A day of slack: the occurrence's own zone may be a day ahead of the layer's.
      if (Temporal.PlainDate.compare(local.toPlainDate(), until.add({ days: 1 })) > 0) break;
      const details = event.getOccurrenceDetails(next);
      let span: Span | undefined;
      let occurrenceReason = reason;
      if (details.item !== event) {
        // A moved or renamed occurrence (RECURRENCE-ID) speaks for itself.
        const override = details.item.component;
        if (String(override.getFirstPropertyValue('status') ?? '').toUpperCase() === 'CANCELLED') continue;
        span = this.span(this.bounds(override, context), context);
        const summary = override.getFirstPropertyValue('summary');
        if (typeof summary === 'string') occurrenceReason = summary;
      } else {
        span = this.span(bounds, context, local);
      }
      if (!span) continue;
      const firstDay = span.allDay ? span.from : span.from.toPlainDate();
      if (Temporal.PlainDate.compare(firstDay, until) >= 0) continue;
      const lastDay = span.allDay ? span.toExclusive.subtract({ days: 1 }) : span.to.toPlainDate();
      if (from && Temporal.PlainDate.compare(lastDay, from) < 0) continue;
      spans.push({ span, reason: occurrenceReason });
    }
    return spans;
  }
}

function parseCalendar(text: string, lines: SourceLines): ICAL.Component {
  if (!/^\s*BEGIN:VCALENDAR\s*$/im.test(text.split(/\r\n|\n|\r/, 1)[0] ?? '')) {
    throw new DomainError('not_icalendar', 'Not an iCalendar file: it must begin with BEGIN:VCALENDAR', {
      line: 1,
    });
  }
  let jcal: unknown;
  try {
    jcal = ICAL.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const quoted = /"([^"]*)"$/.exec(message)?.[1];
    const line = quoted ? lines.containing(quoted) : undefined;
    throw new DomainError('invalid_icalendar', `Unreadable iCalendar: ${message}`, line ? { line } : {});
  }
  // One VCALENDAR gives one jCal component; several give a list of them.
  const root = Array.isArray(jcal) && Array.isArray(jcal[0]) ? jcal[0] : jcal;
  if (!Array.isArray(root) || root[0] !== 'vcalendar') {
    throw new DomainError('not_icalendar', 'Not an iCalendar file: no VCALENDAR component', {});
  }
  return new ICAL.Component(root as unknown[]);
}

function xText(calendar: ICAL.Component, name: string): string | undefined {
  const property = calendar.getFirstProperty(name);
  const value = property?.getFirstValue();
  if (typeof value !== 'string') return undefined;
  // Untyped X- properties come raw from ical.js; VALUE=TEXT ones come unescaped already.
  return property?.type === 'text' ? value : unescapeText(value);
}

function holidayRule(calendar: ICAL.Component): HolidayRule | undefined {
  const property = calendar.getFirstProperty(X_HOLIDAYS);
  const value = xText(calendar, X_HOLIDAYS);
  if (!property || !value) return undefined;
  const [country, subdivision] = value.split(';').map((s) => s.trim());
  const typesParameter = property.getParameter(X_HOLIDAY_TYPES) as string | string[] | undefined;
  const types = (Array.isArray(typesParameter) ? typesParameter.join(',') : typesParameter)
    ?.split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  return {
    country: country as string,
    ...(subdivision ? { subdivision } : {}),
    ...(types ? { closedTypes: types as unknown as HolidayRule['closedTypes'] } : {}),
  };
}

function importCalendar(text: string, options: CalendarImportOptions): CalendarImportResult {
  const lines = new SourceLines(text);
  const calendar = parseCalendar(text, lines);
  const warnings: CalendarImportWarning[] = [];

  const named = xText(calendar, 'x-wr-timezone');
  let timeZone = options.defaultTimeZone;
  if (named && isIanaTimeZone(named)) timeZone = named;
  else if (named) {
    warnings.push({
      code: 'unknown_calendar_zone',
      message: `X-WR-TIMEZONE "${named}" is not an IANA zone; using ${options.defaultTimeZone}`,
      ...(lines.containing(named) ? { line: lines.containing(named) as number } : {}),
    });
  }
  if (!isIanaTimeZone(timeZone)) {
    throw new DomainError('unknown_time_zone', 'Unknown IANA time zone', {
      field: 'defaultTimeZone',
      timeZone,
    });
  }
  for (const [field, value] of [
    ['expandUntil', options.expandUntil],
    ['expandFrom', options.expandFrom],
  ] as const) {
    if (value !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(value)) {
      throw new DomainError('invalid_date', 'Expansion bounds are dates YYYY-MM-DD', { field, value });
    }
  }

  const reader = new CalendarReader(calendar, lines, timeZone, options);
  const holidays = holidayRule(calendar);
  const events = calendar.getAllSubcomponents('vevent');
  const hours = new Map<Weekday, LocalTimeInterval[]>();
  let restricted = calendar.hasProperty(X_WEEKLY_HOURS);
  const exceptions: CalendarException[] = [];

  // Modified occurrences (RECURRENCE-ID) belong to their series, found by UID.
  const overridesOf = new Map<string, ICAL.Component[]>();
  const masters = new Set<string>();
  for (const event of events) {
    const uid = event.getFirstPropertyValue('uid');
    if (typeof uid !== 'string') continue;
    if (event.hasProperty('recurrence-id')) overridesOf.set(uid, [...(overridesOf.get(uid) ?? []), event]);
    else if (event.hasProperty('rrule') || event.hasProperty('rdate')) masters.add(uid);
  }

  events.forEach((event, index) => {
    const uidValue = event.getFirstPropertyValue('uid');
    const uid = typeof uidValue === 'string' ? uidValue : undefined;
    const context: EventContext = { index, ...(uid !== undefined ? { uid } : {}) };
    try {
      if (!event.hasProperty('dtstart')) reader.fail('missing_dtstart', 'An event has no DTSTART', context);
      if (uid !== undefined && masters.has(uid) && event.hasProperty('recurrence-id')) return;
      if (String(event.getFirstPropertyValue('status') ?? '').toUpperCase() === 'CANCELLED') {
        reader.warn('cancelled', 'A cancelled event was skipped', context);
        return;
      }
      const categories = categoriesOf(event);
      const rule = event.getFirstPropertyValue('rrule');
      const summaryValue = event.getFirstPropertyValue('summary');
      const reason = typeof summaryValue === 'string' ? summaryValue : 'Busy';

      if (categories.has(ICAL_CATEGORY.workingHours) && rule instanceof ICAL.Recur) {
        const weekly = reader.weeklyHours(event, rule, context);
        if (weekly) {
          restricted = true;
          for (const day of weekly.days) hours.set(day, [...(hours.get(day) ?? []), weekly.hours]);
          return;
        }
        reader.warn('irregular_hours', 'Working hours not in weekly form were imported as openings', context);
      }
      if (categories.has(ICAL_CATEGORY.holiday) && holidays) return; // derived from the rule, not data
      const kind: 'open' | 'closed' =
        categories.has(ICAL_CATEGORY.open) || categories.has(ICAL_CATEGORY.workingHours) ? 'open' : 'closed';
      const transparent = String(event.getFirstPropertyValue('transp') ?? '').toUpperCase() === 'TRANSPARENT';
      if (kind === 'closed' && transparent) {
        reader.warn('transparent', `"${reason}" is shown as free (TRANSP:TRANSPARENT): skipped`, context);
        return;
      }
      if (event.hasProperty('rrule') || event.hasProperty('rdate')) {
        const overrides = uid !== undefined ? (overridesOf.get(uid) ?? []) : [];
        for (const o of reader.expand(event, overrides, context, reason)) {
          exceptions.push(reader.exception(kind, o.span, o.reason));
        }
      } else {
        const span = reader.span(reader.bounds(event, context), context);
        if (span) exceptions.push(reader.exception(kind, span, reason));
      }
    } catch (error) {
      if (error instanceof DomainError) throw error;
      reader.fail(
        'invalid_event',
        `Unreadable event: ${error instanceof Error ? error.message : String(error)}`,
        context,
      );
    }
  });

  const weeklyHours = Object.fromEntries(
    WEEKDAYS.filter((d) => hours.has(d)).map((d) => [d, sortIntervals(hours.get(d) ?? [])]),
  );
  const name = xText(calendar, 'x-wr-calname') ?? options.name ?? 'Imported calendar';
  return {
    layer: {
      name,
      timeZone,
      ...(restricted ? { weeklyHours } : {}),
      ...(holidays ? { holidays } : {}),
      ...(exceptions.length ? { exceptions } : {}),
    },
    warnings: [...warnings, ...reader.warnings],
  };
}

function sortIntervals(intervals: LocalTimeInterval[]): LocalTimeInterval[] {
  const unique = new Map(intervals.map((i) => [`${i.from}-${i.to}`, i]));
  return [...unique.values()].sort((a, b) =>
    a.from === b.from ? a.to.localeCompare(b.to) : a.from.localeCompare(b.from),
  );
}

/**
 * Reads a calendar we exported (exactly, up to `canonicalCalendarLayer`) or a feed from Google,
 * Outlook, Apple…: non-recurring busy events become closures named by their SUMMARY, free ones
 * are skipped (with a warning), recurring ones are expanded up to `expandUntil`. Anything
 * unreadable is a DomainError naming the line, never an ical.js exception.
 */
export function calendarLayerFromICalendar(
  text: string,
  options: CalendarImportOptions,
): CalendarImportResult {
  try {
    return importCalendar(text, options);
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw new DomainError(
      'invalid_icalendar',
      `Unreadable iCalendar: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
