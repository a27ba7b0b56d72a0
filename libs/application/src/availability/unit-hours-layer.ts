import type { CalendarLayer } from '@fieldstream/domain';
import type { MasterDataDocument } from '@fieldstream/projections';
import { calendarLayerOf } from './calendar-layers';

type Found = MasterDataDocument | null | undefined;

/** Where the records come from: one read each (availability), or maps read beforehand (dispatch). */
export interface UnitHoursLookup {
  unit(code: string): Found | Promise<Found>;
  /** An active calendar, or nothing. */
  calendar(code: string): Found | Promise<Found>;
}

export interface UnitHoursLayer {
  layer: CalendarLayer;
  source: { kind: 'unit' | 'calendar'; code: string };
}

/**
 * A unit's working hours: the calendar of the nearest unit up the structure that has one, read with
 * the holidays of the unit's own country; with no calendar anywhere up, the public holidays alone.
 */
export async function unitHoursLayer(
  unitCode: string,
  lookup: UnitHoursLookup,
): Promise<UnitHoursLayer | undefined> {
  const first = await lookup.unit(unitCode);
  if (!first) return undefined;
  const holidays = {
    country: String(first.record['country']),
    ...(first.record['subdivision'] ? { subdivision: String(first.record['subdivision']) } : {}),
  };
  const seen = new Set<string>();
  for (
    let unit: Found = first;
    unit && !seen.has(unit.code);
    unit = typeof unit.record['parentCode'] === 'string' ? await lookup.unit(unit.record['parentCode']) : null
  ) {
    seen.add(unit.code);
    const calendarCode = unit.record['calendarCode'];
    if (typeof calendarCode !== 'string') continue;
    const calendar = await lookup.calendar(calendarCode);
    if (calendar)
      return {
        layer: calendarLayerOf(
          `${unit.record['name']}: ${calendar.record['name']}`,
          calendar.record,
          holidays,
        ),
        source: { kind: 'calendar', code: calendarCode },
      };
  }
  return {
    layer: {
      name: `${first.record['name']}: public holidays`,
      timeZone: String(first.record['timeZone']),
      holidays,
    },
    source: { kind: 'unit', code: first.code },
  };
}
