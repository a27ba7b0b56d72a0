import type { CalendarLayer } from '@fieldstream/domain';

/** A calendar record as a layer of the domain's calendar maths. */
export function calendarLayerOf(
  name: string,
  record: Record<string, unknown>,
  fallbackHolidays?: CalendarLayer['holidays'],
): CalendarLayer {
  const holidays = (record['holidays'] as CalendarLayer['holidays']) ?? fallbackHolidays;
  return {
    name,
    timeZone: String(record['timeZone']),
    ...(record['weeklyHours'] ? { weeklyHours: record['weeklyHours'] as CalendarLayer['weeklyHours'] } : {}),
    ...(holidays ? { holidays } : {}),
    exceptions: (record['exceptions'] as CalendarLayer['exceptions']) ?? [],
  };
}

/** A layer back into a calendar record's fields (for iCalendar import), keeping name and purpose. */
export function calendarRecordOf(
  layer: CalendarLayer,
  base: Record<string, unknown>,
): Record<string, unknown> {
  const { weeklyHours: _oldHours, holidays: _oldHolidays, ...rest } = base;
  return {
    ...rest,
    timeZone: layer.timeZone,
    ...(layer.weeklyHours ? { weeklyHours: layer.weeklyHours } : {}),
    ...(layer.holidays
      ? {
          holidays: {
            country: layer.holidays.country,
            ...(layer.holidays.subdivision ? { subdivision: layer.holidays.subdivision } : {}),
          },
        }
      : {}),
    exceptions: (layer.exceptions ?? []).map(({ kind, from, to, reason }) => ({ kind, from, to, reason })),
  };
}
