import { DomainError } from '../kernel/domain-error';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const WEEK = 7 * DAY;

/**
 * A schedule period is an ISO week counted in UTC, written `2026-W48`. UTC, not the technician's
 * zone: a stream name must not depend on a time-zone database or shift when clocks change, and an
 * ISO week in UTC is always exactly 7 × 24 hours long.
 */
export type SchedulePeriod = `${number}-W${string}`;

/** The ISO week (in UTC) holding an instant. */
export function schedulePeriodOf(instant: Date): SchedulePeriod {
  const day = Date.UTC(instant.getUTCFullYear(), instant.getUTCMonth(), instant.getUTCDate());
  const mondayBased = (new Date(day).getUTCDay() + 6) % 7;
  // The ISO year of a week is the year of its Thursday; week 1 is the week holding 4 January.
  const thursday = new Date(day + (3 - mondayBased) * DAY);
  const isoYear = thursday.getUTCFullYear();
  const firstThursday = Date.UTC(
    isoYear,
    0,
    1 + ((4 - new Date(Date.UTC(isoYear, 0, 1)).getUTCDay() + 7) % 7),
  );
  const week = 1 + Math.round((thursday.getTime() - firstThursday) / WEEK);
  return `${isoYear}-W${String(week).padStart(2, '0')}`;
}

/** Monday 00:00 UTC of the week holding an instant. */
function mondayOf(instant: Date): number {
  const day = Date.UTC(instant.getUTCFullYear(), instant.getUTCMonth(), instant.getUTCDate());
  return day - ((new Date(day).getUTCDay() + 6) % 7) * DAY;
}

/**
 * Every period a booking [start, start + duration) touches, earliest first. A booking is written,
 * with the same appointment id, to the schedule stream of each of these periods (see README.md), so
 * two bookings that overlap always meet in at least one stream.
 */
export function schedulePeriodsOf(startUtc: string, durationMinutes: number): SchedulePeriod[] {
  const start = parseInstant(startUtc, 'start');
  checkDuration(durationMinutes);
  const end = start.getTime() + durationMinutes * MINUTE;
  const periods: SchedulePeriod[] = [];
  for (let monday = mondayOf(start); monday < end; monday += WEEK) {
    periods.push(schedulePeriodOf(new Date(monday)));
  }
  return periods;
}

// An explicit offset is required: a wall-clock time without a zone means different instants to
// the desk, the server and the phone.
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Parses an ISO 8601 instant with `Z` or an offset; anything else is refused naming the field. */
export function parseInstant(value: string, field: string): Date {
  const date = typeof value === 'string' && ISO_INSTANT.test(value) ? new Date(value) : undefined;
  if (!date || Number.isNaN(date.getTime())) {
    throw new DomainError(`invalid_${field}`, `${field} must be an ISO 8601 instant with Z or an offset`, {
      field,
      value,
    });
  }
  return date;
}

/** A duration is a whole, positive number of minutes. */
export function checkDuration(durationMinutes: number): void {
  if (!Number.isInteger(durationMinutes) || durationMinutes <= 0) {
    throw new DomainError(
      'invalid_durationMinutes',
      'durationMinutes must be a whole number of minutes above 0',
      {
        field: 'durationMinutes',
        value: durationMinutes,
      },
    );
  }
}

/** The UTC interval of a booking as ISO strings, so equal instants compare equal as text. */
export function bookingInterval(start: string, durationMinutes: number): { start: string; end: string } {
  const from = parseInstant(start, 'start');
  checkDuration(durationMinutes);
  return {
    start: from.toISOString(),
    end: new Date(from.getTime() + durationMinutes * MINUTE).toISOString(),
  };
}
