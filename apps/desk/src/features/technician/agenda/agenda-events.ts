import type { AgendaEntry } from '@fieldstream/api-contract';
import type { EventInput } from '@fullcalendar/react';
import { PRIORITY_COLOURS, SUSPENDED_COLOUR } from '../../../shared/service-request-colours';

export interface AgendaEventLabels {
  /** "SR-1a2b3c4d · ACME Spa" */
  title: (entry: AgendaEntry) => string;
  /** Prefix of a suspended appointment's title, so the mark is in words, not only in colour. */
  suspended: string;
  /** The sheet's address: events are links, so the keyboard reaches them. */
  url: (entry: AgendaEntry) => string;
}

/**
 * The agenda's appointments as calendar events, coloured by priority; a suspended one is greyed
 * and says so in its title. Each event links to the sheet of the request it serves.
 */
export function agendaEvents(entries: readonly AgendaEntry[], labels: AgendaEventLabels): EventInput[] {
  return entries.map((entry) => {
    const suspended = entry.status === 'suspended';
    const colour = suspended ? SUSPENDED_COLOUR : PRIORITY_COLOURS[entry.request?.priority ?? 'normal'];
    return {
      id: entry.appointmentId,
      title: `${suspended ? `${labels.suspended} · ` : ''}${labels.title(entry)}`,
      start: entry.start,
      end: entry.end,
      url: labels.url(entry),
      backgroundColor: colour,
      borderColor: colour,
      textColor: '#ffffff',
      classNames: suspended ? ['agenda-event-suspended'] : [],
    };
  });
}
