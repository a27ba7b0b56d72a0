const DAY = 86_400_000;

/**
 * A calendar day as the wall clock of some zone reads it, held as the UTC midnight of that date
 * (so that adding days is plain arithmetic: wall dates know no daylight saving).
 */
export type WallDay = number;

function wallParts(instant: number, timeZone: string): Record<string, number> {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  return Object.fromEntries(
    parts.filter((part) => part.type !== 'literal').map((part) => [part.type, Number(part.value)]),
  );
}

/** How far the zone's wall clock is ahead of UTC at `instant` (ms). */
function offsetAt(instant: number, timeZone: string): number {
  const p = wallParts(instant, timeZone);
  const wall = Date.UTC(p['year']!, p['month']! - 1, p['day']!, p['hour']!, p['minute']!, p['second']!);
  return wall - Math.floor(instant / 1000) * 1000;
}

/** The Monday of the week holding `now`, in the zone (weeks start on Monday, as the board's). */
export function mondayOfWeek(now: Date, timeZone: string): WallDay {
  const p = wallParts(now.getTime(), timeZone);
  const today = Date.UTC(p['year']!, p['month']! - 1, p['day']!);
  return today - ((new Date(today).getUTCDay() + 6) % 7) * DAY;
}

/** The date the zone's wall clock reads at `now`. */
export function todayOf(now: Date, timeZone: string): WallDay {
  const p = wallParts(now.getTime(), timeZone);
  return Date.UTC(p['year']!, p['month']! - 1, p['day']!);
}

/**
 * The first of `days` days inside the week of `monday` that include `today`: the board opens on
 * that week scrolled to today, so what a run loads is on screen whatever the weekday.
 */
export function firstLoadedDay(monday: WallDay, today: WallDay, days: number): WallDay {
  const todayIndex = Math.round((today - monday) / DAY);
  return plusDays(monday, Math.min(Math.max(todayIndex - (days - 1), 0), 7 - days));
}

export function plusDays(day: WallDay, days: number): WallDay {
  return day + days * DAY;
}

/** The instant at which the zone's wall clock reads `day` at `minutes` past midnight. */
export function zonedInstant(day: WallDay, minutes: number, timeZone: string): Date {
  const wall = day + minutes * 60_000;
  const first = wall - offsetAt(wall, timeZone);
  return new Date(wall - offsetAt(first, timeZone));
}

/** `2026-11-23`. */
export function isoDate(day: WallDay): string {
  return new Date(day).toISOString().slice(0, 10);
}
