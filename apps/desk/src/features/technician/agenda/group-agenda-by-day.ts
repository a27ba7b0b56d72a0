import type { AgendaEntry } from '@fieldstream/api-contract';
import { dayKey } from './day-key';

export interface AgendaDay {
  /** `YYYY-MM-DD` in the agenda's time zone. */
  day: string;
  entries: AgendaEntry[];
}

const byTime = (a: AgendaEntry, b: AgendaEntry) =>
  Date.parse(a.start) - Date.parse(b.start) ||
  Date.parse(a.end) - Date.parse(b.end) ||
  a.appointmentId.localeCompare(b.appointmentId);

/**
 * The agenda as the list shows it: one group per day in the technician's time zone, days in
 * order, appointments by start time within a day. An appointment that began before `today` and
 * is still running belongs to today: that is when the technician has to deal with it.
 */
export function groupAgendaByDay(
  entries: readonly AgendaEntry[],
  { timeZone, today }: { timeZone: string; today: string },
): AgendaDay[] {
  const groups = new Map<string, AgendaEntry[]>();
  for (const entry of [...entries].sort(byTime)) {
    const started = dayKey(entry.start, timeZone);
    const day = started < today ? today : started;
    const group = groups.get(day);
    if (group) group.push(entry);
    else groups.set(day, [entry]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([day, dayEntries]) => ({ day, entries: dayEntries }));
}
