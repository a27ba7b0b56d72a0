import { Temporal } from 'temporal-polyfill';

/**
 * Time-zone offsets as plain numbers, for the hot paths of calendar arithmetic. Asking Temporal to
 * turn a local date-time into an instant costs tens of microseconds; a calendar over two weeks asks
 * it dozens of times, and a proposal over thousands of technicians asks for hundreds of calendars.
 * The offsets of a zone only change at its transitions (twice a year at most for DST zones), so
 * each zone's offsets are read from Temporal once per stretch of time (a "bucket") and kept: from
 * then on an offset is a lookup. Like the holiday cache, this holds only what Temporal derives
 * from its own zone data: no clock, no I/O.
 *
 * Only the unambiguous case is answered here: a wall-clock time with no transition within two days
 * either side has exactly one instant. Near a transition (gaps, repeated hours, a day starting at
 * 01:00) the callers ask Temporal itself, so its disambiguation rules keep applying unchanged.
 */

const MINUTE = 60_000;
export const DAY_MS = 24 * 60 * MINUTE;
/** Wider than any offset (±26 h covers every zone that ever existed): a wall time's instants lie within it. */
const STEADY_MARGIN = 2 * DAY_MS;
/** How much of a zone's time line one Temporal reading covers. */
const BUCKET_MS = 64 * DAY_MS;

/** A zone's offsets over one bucket: `offsets[0]` from its start, `offsets[i + 1]` from `transitions[i]`. */
interface Bucket {
  readonly transitions: readonly number[];
  readonly offsets: readonly number[];
}

/** Per zone, per bucket index; null where Temporal's answers did not add up (callers then ask Temporal). */
const zones = new Map<string, Map<number, Bucket | null>>();

function readBucket(timeZone: string, index: number): Bucket | null {
  const start = index * BUCKET_MS;
  const end = start + BUCKET_MS;
  let zoned = Temporal.Instant.fromEpochMilliseconds(start).toZonedDateTimeISO(timeZone);
  const offsets = [zoned.offsetNanoseconds / 1e6];
  const transitions: number[] = [];
  for (;;) {
    const next = zoned.getTimeZoneTransition('next');
    if (!next || next.epochMilliseconds >= end) break;
    transitions.push(next.epochMilliseconds);
    offsets.push(next.offsetNanoseconds / 1e6);
    zoned = next;
  }
  // The transitions found must lead to the offset Temporal gives at the bucket's end; offsets must
  // be whole milliseconds for the arithmetic below to match Temporal's exactly.
  const atEnd =
    Temporal.Instant.fromEpochMilliseconds(end - 1).toZonedDateTimeISO(timeZone).offsetNanoseconds / 1e6;
  const consistent = offsets[offsets.length - 1] === atEnd && offsets.every(Number.isInteger);
  return consistent ? { transitions, offsets } : null;
}

function bucketOf(timeZone: string, epochMs: number): Bucket | null {
  let buckets = zones.get(timeZone);
  if (!buckets) zones.set(timeZone, (buckets = new Map()));
  const index = Math.floor(epochMs / BUCKET_MS);
  let bucket = buckets.get(index);
  if (bucket === undefined) buckets.set(index, (bucket = readBucket(timeZone, index)));
  return bucket;
}

/** The zone's offset from UTC at an instant, in ms; undefined when only Temporal can tell. */
export function offsetAt(timeZone: string, epochMs: number): number | undefined {
  const bucket = bucketOf(timeZone, epochMs);
  if (!bucket) return undefined;
  let i = 0;
  while (i < bucket.transitions.length && bucket.transitions[i]! <= epochMs) i++;
  return bucket.offsets[i];
}

/** The offset in force over all of [from, to] (at most one bucket apart), or undefined if it changes there. */
function steadyOffset(timeZone: string, from: number, to: number): number | undefined {
  const first = bucketOf(timeZone, from);
  const last = bucketOf(timeZone, to);
  if (!first || !last) return undefined;
  const offset = offsetAt(timeZone, from);
  if (offset === undefined || offsetAt(timeZone, to) !== offset) return undefined;
  const moves = (bucket: Bucket) => bucket.transitions.some((at) => at > from && at <= to);
  return moves(first) || (last !== first && moves(last)) ? undefined : offset;
}

/**
 * The instant of a wall-clock time given as ms since 1970-01-01T00:00 local (the local date-time
 * read as if it were UTC), when no transition lies within two days of it; undefined otherwise, for
 * the caller to ask Temporal (which then decides gaps and repeated hours).
 */
export function steadyWallToEpoch(timeZone: string, wallMs: number): number | undefined {
  const offset = steadyOffset(timeZone, wallMs - STEADY_MARGIN, wallMs + STEADY_MARGIN);
  return offset === undefined ? undefined : wallMs - offset;
}

/** The local date of an instant as days since 1970-01-01, or undefined when only Temporal can tell. */
export function localEpochDay(timeZone: string, epochMs: number): number | undefined {
  const offset = offsetAt(timeZone, epochMs);
  return offset === undefined ? undefined : Math.floor((epochMs + offset) / DAY_MS);
}

// Proleptic Gregorian dates as day numbers (days since 1970-01-01), without Date's two-digit-year quirks.

/** Days since 1970-01-01 of a calendar date (month 1–12). */
export function epochDayOf(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** The day number of a date (or of a date-time's date). */
export function epochDayOfDate(date: {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}): number {
  return epochDayOf(date.year, date.month, date.day);
}

export function plainDateOfEpochDay(epochDay: number): Temporal.PlainDate {
  const z = epochDay + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return new Temporal.PlainDate(year, month, day);
}

/** ISO weekday of a day number, Monday 1 … Sunday 7 (1970-01-01 was a Thursday). */
export function isoWeekdayOf(epochDay: number): number {
  return ((((epochDay + 3) % 7) + 7) % 7) + 1;
}
