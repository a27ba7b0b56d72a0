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
  return bucket ? offsetIn(bucket, epochMs) : undefined;
}

/** The offset at an instant within the bucket. */
function offsetIn(bucket: Bucket, epochMs: number): number {
  let i = 0;
  while (i < bucket.transitions.length && bucket.transitions[i]! <= epochMs) i++;
  return bucket.offsets[i]!;
}

/** The offset in force over all of [from, to] (at most one bucket apart), or undefined if it changes there. */
function steadyOffset(timeZone: string, from: number, to: number): number | undefined {
  const first = bucketOf(timeZone, from);
  const last = bucketOf(timeZone, to);
  if (!first || !last) return undefined;
  // The buckets at hand rather than offsetAt, which would look both up again.
  const offset = offsetIn(first, from);
  if (offsetIn(last, to) !== offset) return undefined;
  return movesWithin(first, from, to) || (last !== first && movesWithin(last, from, to)) ? undefined : offset;
}

/**
 * Whether one of the bucket's transitions lies in (from, to]. An indexed loop: this is asked for
 * every working-hours bound of every calendar, and a callback or an iterator allocates per question.
 */
function movesWithin(bucket: Bucket, from: number, to: number): boolean {
  const { transitions } = bucket;
  for (let i = 0; i < transitions.length; i++)
    if (transitions[i]! > from && transitions[i]! <= to) return true;
  return false;
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

/**
 * The first instant of a local day (a day number): plain arithmetic away from a transition. Near
 * one, Temporal's start of the day rather than the instant of 00:00: in zones where DST moves
 * midnight, the day starts at 01:00.
 */
export function startOfLocalDay(epochDay: number, timeZone: string): number {
  const steady = steadyWallToEpoch(timeZone, epochDay * DAY_MS);
  if (steady !== undefined) return steady;
  return plainDateOfEpochDay(epochDay).toZonedDateTime({ timeZone }).epochMilliseconds;
}

/**
 * The day number of a date written exactly 'YYYY-MM-DD', or undefined for any other text or a date
 * that does not exist: for the caller to ask Temporal, which reads the other forms it knows and
 * refuses the rest with its own error. Dates people write are read without Temporal's parser.
 */
export function epochDayOfIsoDate(text: string): number | undefined {
  return text.length === 10 ? epochDayAt(text, 0) : undefined;
}

/**
 * A date-time written exactly 'YYYY-MM-DDTHH:MM' as ms since 1970-01-01T00:00 local (the "wall"
 * ms steadyWallToEpoch takes), or undefined for any other text or a date or time that does not
 * exist (24:00 included: Temporal decides what it means, if anything).
 */
export function wallMsOfIsoDateTime(text: string): number | undefined {
  if (text.length !== 16 || text.charCodeAt(10) !== T || text.charCodeAt(13) !== COLON) return undefined;
  const epochDay = epochDayAt(text, 0);
  const hour = digitsAt(text, 11, 2);
  const minute = digitsAt(text, 14, 2);
  if (epochDay === undefined || !(hour <= 23 && minute <= 59)) return undefined;
  return epochDay * DAY_MS + hour * 3_600_000 + minute * MINUTE;
}

/** The day number of the 'YYYY-MM-DD' written from `at` on; undefined if it is not one. */
function epochDayAt(text: string, at: number): number | undefined {
  if (text.charCodeAt(at + 4) !== DASH || text.charCodeAt(at + 7) !== DASH) return undefined;
  const year = digitsAt(text, at, 4);
  const month = digitsAt(text, at + 5, 2);
  const day = digitsAt(text, at + 8, 2);
  if (!(year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)))
    return undefined;
  return epochDayOf(year, month, day);
}

const DASH = 0x2d;
const COLON = 0x3a;
const T = 0x54;

/** The number the `count` ASCII digits from `at` on write; NaN when one of them is not a digit. */
function digitsAt(text: string, at: number, count: number): number {
  let n = 0;
  for (let i = at; i < at + count; i++) {
    const digit = text.charCodeAt(i) - 0x30;
    if (!(digit >= 0 && digit <= 9)) return Number.NaN;
    n = n * 10 + digit;
  }
  return n;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
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
