import { AGENDA_VIEWS, type AgendaView } from '../types/agenda-view';

/** The view named in the address (`?view=week`), the list when none or an unknown one is named. */
export function parseAgendaView(value: string | null): AgendaView {
  return (AGENDA_VIEWS as readonly string[]).includes(value ?? '') ? (value as AgendaView) : 'list';
}
