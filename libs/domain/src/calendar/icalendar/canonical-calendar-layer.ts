import { Temporal } from 'temporal-polyfill';
import type { CalendarException, CalendarLayer, LocalTimeInterval, Weekday } from '../calendar-layer';
import { formatLocalTime } from './icalendar-text';

const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

function time(value: string): string {
  const t = Temporal.PlainTime.from(value);
  return formatLocalTime(t.hour, t.minute, t.second);
}

function bound(value: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const dt = Temporal.PlainDateTime.from(value);
  return dt.toString({ smallestUnit: dt.second ? 'second' : 'minute' });
}

/**
 * The form an iCalendar round trip preserves: the same availability, written one way. Hours per
 * day sorted and without repeats, closed days left out, times as 'HH:MM', empty lists dropped,
 * line breaks as '\n' (iCalendar text has no carriage returns). Exceptions keep their order.
 */
export function canonicalCalendarLayer(layer: CalendarLayer): CalendarLayer {
  const text = (s: string): string => s.replace(/\r\n?/g, '\n');
  const weeklyHours = layer.weeklyHours
    ? Object.fromEntries(
        WEEKDAYS.flatMap((day) => {
          const intervals = new Map<string, LocalTimeInterval>();
          for (const i of layer.weeklyHours?.[day] ?? []) {
            const interval = { from: time(i.from), to: time(i.to) };
            intervals.set(`${interval.from}-${interval.to}`, interval);
          }
          const sorted = [...intervals.values()].sort((a, b) =>
            a.from === b.from ? a.to.localeCompare(b.to) : a.from.localeCompare(b.from),
          );
          return sorted.length ? [[day, sorted]] : [];
        }),
      )
    : undefined;
  const exceptions: CalendarException[] = (layer.exceptions ?? []).map((e) => ({
    kind: e.kind,
    from: bound(e.from),
    to: bound(e.to),
    reason: text(e.reason),
  }));
  const holidays = layer.holidays
    ? {
        country: layer.holidays.country,
        ...(layer.holidays.subdivision ? { subdivision: layer.holidays.subdivision } : {}),
        ...(layer.holidays.closedTypes ? { closedTypes: [...layer.holidays.closedTypes] } : {}),
      }
    : undefined;
  return {
    name: text(layer.name),
    timeZone: layer.timeZone,
    ...(weeklyHours ? { weeklyHours } : {}),
    ...(holidays ? { holidays } : {}),
    ...(exceptions.length ? { exceptions } : {}),
  };
}
