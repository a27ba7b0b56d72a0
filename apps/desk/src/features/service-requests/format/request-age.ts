const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export interface RequestAge {
  value: number;
  unit: 'minute' | 'hour' | 'day';
}

/**
 * How long a request has waited, in its largest whole unit (a dispatcher compares "3 d" with
 * "5 h" at a glance; minutes matter only in the first hour). The clock is passed in.
 */
export function requestAge(openedAt: string, now: number): RequestAge {
  const elapsed = Math.max(0, now - Date.parse(openedAt));
  if (elapsed >= DAY) return { value: Math.floor(elapsed / DAY), unit: 'day' };
  if (elapsed >= HOUR) return { value: Math.floor(elapsed / HOUR), unit: 'hour' };
  return { value: Math.floor(elapsed / MINUTE), unit: 'minute' };
}
