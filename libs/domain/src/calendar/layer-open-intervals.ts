import { Temporal } from 'temporal-polyfill';
import { DomainError } from '../kernel/domain-error';
import type { CalendarException, CalendarLayer, LocalTimeInterval, Weekday } from './calendar-layer';
import { type EpochInterval, intersectIntervals, mergeIntervals, subtractIntervals } from './epoch-intervals';
import { closingHolidayDays } from './public-holidays';
import {
  DAY_MS,
  epochDayOfDate,
  epochDayOfIsoDate,
  isoWeekdayOf,
  localEpochDay,
  plainDateOfEpochDay,
  startOfLocalDay,
  steadyWallToEpoch,
  wallMsOfIsoDateTime,
} from './zone-offsets';

/** A closed stretch with the reason people will read. */
export interface LabelledInterval extends EpochInterval {
  readonly reason: string;
}

/** What one layer allows over a query window, and what closes it there. */
export interface LayerOpenIntervals {
  readonly open: EpochInterval[];
  /** Kept apart so that a closure's reason (more specific) is named before a holiday's. */
  readonly closures: LabelledInterval[];
  readonly holidays: LabelledInterval[];
}

const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/**
 * Local date-times become instants with Temporal's 'compatible' disambiguation, the same rule as
 * RFC 5545 and `Date`: a time skipped by spring-forward is moved later by the gap (02:30 → 03:30),
 * a time repeated by fall-back takes its first (summer-time) occurrence. So a shift never starts in
 * a hole, and a shift starting in the repeated hour starts at the earlier instant (it gets the
 * extra hour rather than losing it).
 *
 * Days are day numbers (days since 1970-01-01) and times ms since midnight: away from a transition
 * the instant is plain arithmetic on the zone's offset (see zone-offsets.ts); within two days of
 * one, Temporal decides, exactly as before.
 */
function toEpoch(epochDay: number, timeOfDayMs: number, timeZone: string): number {
  const steady = steadyWallToEpoch(timeZone, epochDay * DAY_MS + Math.floor(timeOfDayMs));
  if (steady !== undefined) return steady;
  const time = plainTimeOfDay(timeOfDayMs);
  return plainDateOfEpochDay(epochDay)
    .toPlainDateTime(time)
    .toZonedDateTime(timeZone, { disambiguation: 'compatible' }).epochMilliseconds;
}

/** 'HH:MM' (or anything Temporal.PlainTime reads) as ms since midnight; parsed once per string. */
const timesOfDay = new Map<string, number>();

function timeOfDayMs(text: string): number {
  let ms = timesOfDay.get(text);
  if (ms === undefined) {
    const time = Temporal.PlainTime.from(text);
    ms =
      time.hour * 3_600_000 +
      time.minute * 60_000 +
      time.second * 1000 +
      time.millisecond +
      time.microsecond / 1e3 +
      time.nanosecond / 1e6;
    timesOfDay.set(text, ms);
  }
  return ms;
}

function plainTimeOfDay(ms: number): Temporal.PlainTime {
  const whole = Math.floor(ms);
  const nanos = Math.round((ms - whole) * 1e6);
  return new Temporal.PlainTime(
    Math.floor(whole / 3_600_000),
    Math.floor(whole / 60_000) % 60,
    Math.floor(whole / 1000) % 60,
    whole % 1000,
    Math.floor(nanos / 1000),
    nanos % 1000,
  );
}

function hoursOn(epochDay: number, hours: LocalTimeInterval, timeZone: string): EpochInterval {
  const from = timeOfDayMs(hours.from);
  const to = timeOfDayMs(hours.to);
  const endDay = to > from ? epochDay : epochDay + 1;
  return { from: toEpoch(epochDay, from, timeZone), to: toEpoch(endDay, to, timeZone) };
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

function exceptionInterval(exception: CalendarException, timeZone: string): EpochInterval {
  const wholeDays = DATE_ONLY.test(exception.from);
  // Mixing the two forms would leave "to 2026-08-14" meaning either its start or its end: refuse it.
  if (wholeDays !== DATE_ONLY.test(exception.to)) {
    throw new DomainError(
      'mixed_exception_bounds',
      'An exception runs from date to date or date-time to date-time',
      {
        ...exception,
      },
    );
  }
  if (wholeDays) {
    return {
      from: startOfLocalDay(dateToEpochDay(exception.from), timeZone),
      to: startOfLocalDay(dateToEpochDay(exception.to) + 1, timeZone),
    };
  }
  return { from: dateTimeToEpoch(exception.from, timeZone), to: dateTimeToEpoch(exception.to, timeZone) };
}

/**
 * Exceptions are read for every technician's calendar of a proposal: the forms people write
 * ('2026-08-14', '2026-08-14T08:00') are read by hand, anything else (seconds, a space for the 'T')
 * or anything wrong by Temporal, as before.
 */
function dateToEpochDay(text: string): number {
  return epochDayOfIsoDate(text) ?? epochDayOfDate(Temporal.PlainDate.from(text));
}

function dateTimeToEpoch(text: string, timeZone: string): number {
  const wallMs = wallMsOfIsoDateTime(text);
  if (wallMs !== undefined) {
    const epochDay = Math.floor(wallMs / DAY_MS);
    return toEpoch(epochDay, wallMs - epochDay * DAY_MS, timeZone);
  }
  const dateTime = Temporal.PlainDateTime.from(text);
  const timeOfDay =
    dateTime.hour * 3_600_000 +
    dateTime.minute * 60_000 +
    dateTime.second * 1000 +
    dateTime.millisecond +
    dateTime.microsecond / 1e3 +
    dateTime.nanosecond / 1e6;
  return toEpoch(epochDayOfDate(dateTime), timeOfDay, timeZone);
}

/** The local date of an instant, as a day number. */
function localDay(epochMs: number, timeZone: string): number {
  return (
    localEpochDay(timeZone, epochMs) ??
    epochDayOfDate(Temporal.Instant.fromEpochMilliseconds(epochMs).toZonedDateTimeISO(timeZone).toPlainDate())
  );
}

/**
 * The open intervals of one layer within [fromMs, toMs): weekly hours, minus closing holidays, plus
 * extra openings (a Saturday worked opens even a holiday), minus closures (closures always win).
 */
export function layerOpenIntervals(layer: CalendarLayer, fromMs: number, toMs: number): LayerOpenIntervals {
  const window: EpochInterval[] = [{ from: fromMs, to: toMs }];
  // One day before the window: yesterday's night shift may still be running at its start.
  const firstDay = localDay(fromMs, layer.timeZone) - 1;
  const lastDay = localDay(toMs, layer.timeZone);
  // A layer that restricts nothing (a technician's own calendar without leave): open throughout.
  if (!layer.weeklyHours && !layer.holidays && (layer.exceptions ?? []).length === 0)
    return { open: fromMs < toMs ? window : [], closures: [], holidays: [] };

  let base: EpochInterval[] = window;
  if (layer.weeklyHours) {
    base = [];
    for (let day = firstDay; day <= lastDay; day++) {
      const weekday = WEEKDAYS[isoWeekdayOf(day) - 1] as Weekday;
      for (const hours of layer.weeklyHours[weekday] ?? []) base.push(hoursOn(day, hours, layer.timeZone));
    }
  }

  const holidays: LabelledInterval[] = layer.holidays
    ? closingHolidayDays(layer.holidays, firstDay, lastDay).map((h) => ({
        from: startOfLocalDay(h.epochDay, layer.timeZone),
        to: startOfLocalDay(h.epochDay + 1, layer.timeZone),
        reason: h.name,
      }))
    : [];
  const exceptions = layer.exceptions ?? [];
  const openings = exceptions
    .filter((e) => e.kind === 'open')
    .map((e) => exceptionInterval(e, layer.timeZone));
  const closures: LabelledInterval[] = exceptions
    .filter((e) => e.kind === 'closed')
    .map((e) => ({ ...exceptionInterval(e, layer.timeZone), reason: e.reason }));

  // Subtracting leaves every result merged and sorted, so a step with nothing to add or take away
  // is skipped rather than merging the same stretches again (a proposal works out hundreds of
  // calendars, most without openings or closures).
  const workedHours = subtractIntervals(base, holidays);
  const opened = openings.length === 0 ? workedHours : mergeIntervals([...workedHours, ...openings]);
  const open = closures.length === 0 ? opened : subtractIntervals(opened, closures);
  return { open: intersectIntervals(open, window), closures, holidays };
}
