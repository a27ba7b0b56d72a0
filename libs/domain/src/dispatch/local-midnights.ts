import { Temporal } from 'temporal-polyfill';
import {
  DAY_MS,
  localEpochDay,
  offsetAt,
  startOfLocalDay,
  steadyWallToEpoch,
} from '../calendar/zone-offsets';

/**
 * Every local midnight from the day of `from` to past `to` (days are not all 24 h long): the start
 * of the first day, then one day added at a time as Temporal adds one to a zoned date-time (the
 * same wall-clock time the next day, 'compatible' where that time is skipped or repeated). Asked
 * once per proposal: away from a transition it is plain arithmetic on the zone's offset (see
 * zone-offsets.ts), within two days of one Temporal adds the day, exactly as it always did.
 */
export function localMidnights(from: number, to: number, timeZone: string): number[] {
  let midnight = startOfDayOf(from, timeZone);
  // The midnight's wall-clock time, as ms since 1970-01-01T00:00 local; undefined if only Temporal knows.
  let wallMs = wallMsAt(midnight, timeZone);
  const midnights = [midnight];
  while (midnight <= to) {
    const steady = wallMs === undefined ? undefined : steadyWallToEpoch(timeZone, wallMs + DAY_MS);
    if (steady !== undefined) {
      midnight = steady;
      wallMs! += DAY_MS;
    } else {
      const next = Temporal.Instant.fromEpochMilliseconds(midnight)
        .toZonedDateTimeISO(timeZone)
        .add({ days: 1 });
      midnight = next.epochMilliseconds;
      wallMs = midnight + next.offsetNanoseconds / 1e6;
    }
    midnights.push(midnight);
  }
  return midnights;
}

/** The start of the local day an instant falls on. */
function startOfDayOf(epochMs: number, timeZone: string): number {
  const epochDay = localEpochDay(timeZone, epochMs);
  if (epochDay !== undefined) return startOfLocalDay(epochDay, timeZone);
  return Temporal.Instant.fromEpochMilliseconds(epochMs).toZonedDateTimeISO(timeZone).startOfDay()
    .epochMilliseconds;
}

function wallMsAt(epochMs: number, timeZone: string): number | undefined {
  const offset = offsetAt(timeZone, epochMs);
  return offset === undefined ? undefined : epochMs + offset;
}
