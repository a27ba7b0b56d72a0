import type { AssignmentView, ServiceRequestDetail } from '@fieldstream/api-contract';
import type { ReadDocument, ReadValue } from '@fieldstream/read-store';

export const SERVICE_REQUESTS_COLLECTION = 'service_requests';
export const SERVICE_REQUEST_TIMELINE_COLLECTION = 'service_request_timeline';
export const TECHNICIAN_AGENDA_COLLECTION = 'technician_agenda';

/** A planned slot as stored: the wire's assignment without the technician's name (joined when read). */
export type ServiceRequestAssignment = Omit<AssignmentView, 'technicianName'>;

/**
 * Whose request it is, in the dimensions `isInScope` / `scopeListFilter` judge: a centre's desk by
 * unit (or zone, or site when the site had no zone), a customer by customer, a technician by being
 * assigned or having worked on it.
 */
export type ServiceRequestScope = {
  units?: string[];
  zones?: string[];
  sites: string[];
  customers: string[];
  technicians: string[];
};

/**
 * One request as the desk lists and shows it: the wire's detail without `allowedCommands` (the
 * state machine answers that at read time) and without names (master data may rename a customer
 * without touching a request), plus what lists filter, sort and authorise on.
 */
export type ServiceRequestDocument = ReadDocument &
  Omit<
    ServiceRequestDetail,
    'allowedCommands' | 'customerName' | 'siteName' | 'assetName' | 'assignments'
  > & {
    _id: string;
    assignments: ServiceRequestAssignment[];
    /** Revision of the request's stream last applied: a redelivered event is recognised and skipped. */
    lastRevision: number;
    scope: ServiceRequestScope;
    /** Technicians who ever arrived on site: they keep reading the request after they leave it. */
    workedBy: string[];
    /** Lower-case words and their prefixes of description, reference, codes and external reference. */
    searchTerms: string[];
    /** critical 0 … low 3, so that the to-do list sorts by urgency with an index. */
    priorityRank: number;
    /** The technicians assigned now, for the "requests of technician X" filter. */
    technicianCodes: string[];
    notesCount: number;
  };

/** One event of a request's stream, as the timeline tells it (worded at read time, per language). */
export type ServiceRequestTimelineDocument = ReadDocument & {
  _id: string;
  requestId: string;
  revision: number;
  position: number;
  type: string;
  /** When it happened (the event's own `at`). */
  at: string;
  actorId: string;
  actorName: string;
  actorRole: string;
  data: { [field: string]: ReadValue };
};

export type AgendaAppointmentStatus = 'reserved' | 'confirmed' | 'suspended';

/**
 * One appointment as one schedule stream holds it. A booking spanning two weeks lives in two
 * streams, hence two documents with the same `appointmentId`; readers keep one per appointment.
 */
export type TechnicianAgendaDocument = ReadDocument & {
  /** `${appointmentId}|${streamName}`. */
  _id: string;
  appointmentId: string;
  technicianCode: string;
  requestId: string;
  start: string;
  end: string;
  status: AgendaAppointmentStatus;
  /** While suspended: what `AppointmentResumed` returns it to (a confirmed booking stays confirmed). */
  resumeTo?: 'reserved' | 'confirmed';
  lastRevision: number;
};

export function agendaDocumentId(appointmentId: string, streamName: string): string {
  return `${appointmentId}|${streamName}`;
}

export const PRIORITY_RANK: Readonly<Record<ServiceRequestDetail['priority'], number>> = {
  critical: 0,
  high: 1,
  normal: 2,
  low: 3,
};
