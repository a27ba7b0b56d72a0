import { AGENDA_LIST_DAYS } from './agenda-list-days';

/**
 * From the start of today to the start of the day after the last listed one, on the device's
 * clock (a technician's phone is where they work), as UTC instants the API takes. Calendar days,
 * not 24-hour steps, so a change to or from summer time does not shift the edges.
 */
export function agendaListRange(now: Date, days: number = AGENDA_LIST_DAYS): { from: string; to: string } {
  const start = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  const end = new Date(now.getFullYear(), now.getMonth(), now.getDate() + days);
  return { from: start.toISOString(), to: end.toISOString() };
}
