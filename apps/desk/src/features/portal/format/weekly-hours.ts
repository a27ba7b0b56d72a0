import type { PortalContract } from '@fieldstream/api-contract';

type Weekly = PortalContract['serviceHours']['weekly'];
type Day = Weekly[number]['day'];

export interface HoursRun {
  /** The first and last day of a run of consecutive days with the same hours. */
  from: Day;
  to: Day;
  hours: string;
}

const ORDER: readonly Day[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/**
 * Weekly hours folded into runs, as opening hours are printed on a door: Mon–Fri 08:00–18:00,
 * Sat 09:00–12:00. A day missing from the list is closed and breaks a run.
 */
export function hoursRuns(weekly: Weekly): HoursRun[] {
  const byDay = new Map(
    weekly.map((entry) => [entry.day, entry.hours.map((h) => `${h.from}–${h.to}`).join(', ')]),
  );
  const runs: HoursRun[] = [];
  for (const [index, day] of ORDER.entries()) {
    const hours = byDay.get(day);
    if (hours === undefined) continue;
    const last = runs.at(-1);
    if (last && last.hours === hours && ORDER.indexOf(last.to) === index - 1) last.to = day;
    else runs.push({ from: day, to: day, hours });
  }
  return runs;
}
