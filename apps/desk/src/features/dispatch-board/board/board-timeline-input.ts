import type { BoardAnswer, BoardAppointment } from '@fieldstream/api-contract';
import type { EventInput } from '@fullcalendar/react';
import { PRIORITY_COLOURS, SUSPENDED_COLOUR } from '../../../shared/service-request-colours';
import { isSuspendedEntry } from '../../service-requests/calendar/is-suspended-entry';

/** A technician's row: FullCalendar's resource, with what the row's label shows. */
export interface BoardResource {
  id: string;
  title: string;
  extendedProps: { unitName?: string; skillCodes: string[]; active: boolean };
}

/** What a board event carries for a drag: enough to send the command without another read. */
export interface BoardEventProps {
  requestId: string;
  appointmentId: string;
  technicianCode: string;
  /** The request's revision when the board was read: the `If-Match` of a move. */
  version: number | undefined;
  reference: string | undefined;
  suspended: boolean;
}

export interface BoardTimelineOptions {
  /** The event's words; passed in so the mapping stays pure and language-free. */
  title(appointment: BoardAppointment): string;
  /** The class that greys and hatches a suspended appointment (a CSS module's). */
  suspendedClassName: string;
}

/**
 * The board's answer as FullCalendar's rows and events. An appointment the reader may not see the
 * request of still shows as busy time, but cannot be dragged: nothing could be sent for it.
 * Work already started cannot be moved on the board either (the technician is on it), nor the
 * appointment of a request on hold. One pushed aside by an emergency can: moving it re-plans it.
 */
export function boardTimelineInput(
  answer: BoardAnswer,
  options: BoardTimelineOptions,
): { resources: BoardResource[]; events: EventInput[] } {
  const resources = answer.technicians.map((technician): BoardResource => ({
    id: technician.code,
    title: `${technician.name} (${technician.code})`,
    extendedProps: {
      ...(technician.unitName !== undefined ? { unitName: technician.unitName } : {}),
      skillCodes: technician.skillCodes,
      active: technician.active,
    },
  }));
  const events = answer.appointments.map((appointment): EventInput => {
    const suspended = isSuspendedEntry(appointment);
    const request = appointment.request;
    const movable = request !== undefined && request.status === 'assigned';
    const props: BoardEventProps = {
      requestId: appointment.requestId,
      appointmentId: appointment.appointmentId,
      technicianCode: appointment.technicianCode,
      version: request?.version,
      reference: request?.reference,
      suspended,
    };
    return {
      id: `${appointment.technicianCode}:${appointment.appointmentId}`,
      resourceId: appointment.technicianCode,
      title: options.title(appointment),
      start: appointment.start,
      end: appointment.end,
      url: `/app/requests/${encodeURIComponent(appointment.requestId)}`,
      color: suspended || !request ? SUSPENDED_COLOUR : PRIORITY_COLOURS[request.priority],
      contrastColor: '#ffffff',
      editable: movable,
      ...(suspended ? { className: options.suspendedClassName } : {}),
      extendedProps: props,
    };
  });
  return { resources, events };
}
