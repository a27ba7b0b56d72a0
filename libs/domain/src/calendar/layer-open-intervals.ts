import { Temporal } from 'temporal-polyfill';
import { DomainError } from '../kernel/domain-error';
import type { CalendarException, CalendarLayer, LocalTimeInterval, Weekday } from './calendar-layer';
import { type EpochInterval, intersectIntervals, mergeIntervals, subtractIntervals } from './epoch-intervals';
import { closingHolidays } from './public-holidays';

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
 */
function toEpoch(dateTime: Temporal.PlainDateTime, timeZone: string): number {
  return dateTime.toZonedDateTime(timeZone, { disambiguation: 'compatible' }).epochMilliseconds;
}

function startOfDay(date: Temporal.PlainDate, timeZone: string): number {
  // Not toEpoch(date at 00:00): in zones where DST moves midnight, the day starts at 01:00.
  return date.toZonedDateTime({ timeZone }).epochMilliseconds;
}

function hoursOn(date: Temporal.PlainDate, hours: LocalTimeInterval, timeZone: string): EpochInterval {
  const from = Temporal.PlainTime.from(hours.from);
  const to = Temporal.PlainTime.from(hours.to);
  const endDate = Temporal.PlainTime.compare(to, from) > 0 ? date : date.add({ days: 1 });
  return {
    from: toEpoch(date.toPlainDateTime(from), timeZone),
    to: toEpoch(endDate.toPlainDateTime(to), timeZone),
  };
}

function exceptionInterval(exception: CalendarException, timeZone: string): EpochInterval {
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/;
  const wholeDays = dateOnly.test(exception.from);
  // Mixing the two forms would leave "to 2026-08-14" meaning either its start or its end: refuse it.
  if (wholeDays !== dateOnly.test(exception.to)) {
    throw new DomainError(
      'mixed_exception_bounds',
      'An exception runs from date to date or date-time to date-time',
      {
        ...exception,
      },
    );
  }
  if (wholeDays) {
    const last = Temporal.PlainDate.from(exception.to);
    return {
      from: startOfDay(Temporal.PlainDate.from(exception.from), timeZone),
      to: startOfDay(last.add({ days: 1 }), timeZone),
    };
  }
  return {
    from: toEpoch(Temporal.PlainDateTime.from(exception.from), timeZone),
    to: toEpoch(Temporal.PlainDateTime.from(exception.to), timeZone),
  };
}

function localDate(epochMs: number, timeZone: string): Temporal.PlainDate {
  return Temporal.Instant.fromEpochMilliseconds(epochMs).toZonedDateTimeISO(timeZone).toPlainDate();
}

/**
 * The open intervals of one layer within [fromMs, toMs): weekly hours, minus closing holidays, plus
 * extra openings (a Saturday worked opens even a holiday), minus closures (closures always win).
 */
export function layerOpenIntervals(layer: CalendarLayer, fromMs: number, toMs: number): LayerOpenIntervals {
  const window: EpochInterval[] = [{ from: fromMs, to: toMs }];
  // One day before the window: yesterday's night shift may still be running at its start.
  const firstDay = localDate(fromMs, layer.timeZone).subtract({ days: 1 });
  const lastDay = localDate(toMs, layer.timeZone);

  let base: EpochInterval[] = window;
  if (layer.weeklyHours) {
    base = [];
    for (let day = firstDay; Temporal.PlainDate.compare(day, lastDay) <= 0; day = day.add({ days: 1 })) {
      const weekday = WEEKDAYS[day.dayOfWeek - 1] as Weekday;
      for (const hours of layer.weeklyHours[weekday] ?? []) base.push(hoursOn(day, hours, layer.timeZone));
    }
  }

  const holidays: LabelledInterval[] = layer.holidays
    ? closingHolidays(layer.holidays, firstDay, lastDay).map((h) => ({
        from: startOfDay(h.date, layer.timeZone),
        to: startOfDay(h.date.add({ days: 1 }), layer.timeZone),
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

  const open = subtractIntervals(
    mergeIntervals([...subtractIntervals(base, holidays), ...openings]),
    closures,
  );
  return { open: intersectIntervals(open, window), closures, holidays };
}
