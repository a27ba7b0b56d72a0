const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export type DurationUnit = 'day' | 'hour' | 'minute' | 'second';

/** Time left to a deadline (`overdue` once passed), in its two largest units. */
export interface TimeLeft {
  overdue: boolean;
  /** Milliseconds left (negative once overdue). */
  ms: number;
  parts: { unit: DurationUnit; value: number }[];
}

/**
 * What is left until `deadline` at `now`, read by the screen's own clock (the API sends the
 * deadline, never a countdown). Days and hours far out, hours and minutes within a day, minutes
 * and seconds within the hour; a unit of zero is left out, except a bare `0 sec`.
 */
export function timeLeft(deadline: string, now: number): TimeLeft {
  const ms = Date.parse(deadline) - now;
  // Whole seconds, rounded towards the deadline: "0 sec left" comes before "overdue by 1 sec".
  const seconds = ms >= 0 ? Math.floor(ms / SECOND) : Math.ceil(-ms / SECOND);
  const whole = seconds * SECOND;
  const split = (big: number, bigUnit: DurationUnit, small: number, smallUnit: DurationUnit) =>
    [
      { unit: bigUnit, value: Math.floor(whole / big) },
      { unit: smallUnit, value: Math.floor((whole % big) / small) },
    ].filter((part) => part.value > 0);
  const parts =
    whole >= DAY
      ? split(DAY, 'day', HOUR, 'hour')
      : whole >= HOUR
        ? split(HOUR, 'hour', MINUTE, 'minute')
        : split(MINUTE, 'minute', SECOND, 'second');
  return {
    overdue: ms < 0 && seconds > 0,
    ms,
    parts: parts.length > 0 ? parts : [{ unit: 'second', value: 0 }],
  };
}
