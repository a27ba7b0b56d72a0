import type { Agenda, AgendaEntry } from '@fieldstream/api-contract';
import type { EventInput } from '@fullcalendar/react';
import { isSuspendedEntry } from './is-suspended-entry';
import { PRIORITY_COLOURS, SUSPENDED_COLOUR } from '../../../shared/service-request-colours';

export interface AgendaEventOptions {
  /** The event's words; passed in so the mapping stays pure and language-free. */
  title(entry: AgendaEntry, technician: string | undefined): string;
  /** Name the technician in each title: several agendas share one calendar. */
  nameTechnician: boolean;
  /** The class that greys and hatches a suspended appointment (a CSS module's). */
  suspendedClassName: string;
}

/**
 * The appointments of one or more agendas as calendar events: coloured by the request's priority,
 * linking to the request (a real link, so the keyboard and a middle click work). Instants stay UTC;
 * the calendar shows them on the browser's clock.
 */
export function agendaEvents(agendas: readonly Agenda[], options: AgendaEventOptions): EventInput[] {
  return agendas.flatMap((agenda) =>
    agenda.entries.map((entry): EventInput => {
      const suspended = isSuspendedEntry(entry);
      const technician = options.nameTechnician
        ? (agenda.technicianName ?? agenda.technicianCode)
        : undefined;
      const colour = suspended
        ? SUSPENDED_COLOUR
        : entry.request
          ? PRIORITY_COLOURS[entry.request.priority]
          : SUSPENDED_COLOUR;
      return {
        id: `${agenda.technicianCode}:${entry.appointmentId}`,
        title: options.title(entry, technician),
        start: entry.start,
        end: entry.end,
        url: `/app/requests/${encodeURIComponent(entry.requestId)}`,
        color: colour,
        contrastColor: '#ffffff',
        ...(suspended ? { className: options.suspendedClassName } : {}),
        extendedProps: {
          requestId: entry.requestId,
          technicianCode: agenda.technicianCode,
          suspended,
          ...(entry.request ? { priority: entry.request.priority } : {}),
        },
      };
    }),
  );
}
