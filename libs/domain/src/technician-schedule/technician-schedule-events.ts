/**
 * Every event names the technician, the appointment and the request it serves, so each reads on
 * its own in an audit and the application can notify the request without loading the schedule.
 * Times are ISO 8601 instants in UTC; intervals are half-open [start, end).
 */
interface AppointmentRef {
  technicianCode: string;
  appointmentId: string;
  requestId: string;
}

/** Who displaced an appointment: the emergency booking and its request. */
export interface Displacement {
  byAppointmentId: string;
  byRequestId: string;
}

export type TechnicianScheduleEvent =
  | { type: 'AppointmentReserved'; data: AppointmentRef & { start: string; end: string } }
  | { type: 'AppointmentConfirmed'; data: AppointmentRef }
  | { type: 'AppointmentReleased'; data: AppointmentRef & { start: string; end: string; reason: string } }
  | {
      type: 'AppointmentMoved';
      data: AppointmentRef & { fromStart: string; fromEnd: string; start: string; end: string };
    }
  | { type: 'AppointmentSuspended'; data: AppointmentRef & { reason: string } & Partial<Displacement> }
  | { type: 'AppointmentResumed'; data: AppointmentRef }
  | {
      type: 'AppointmentRemoved';
      data: AppointmentRef & { start: string; end: string; reason: string } & Displacement;
    };

export const TECHNICIAN_SCHEDULE_EVENT_TYPES: readonly TechnicianScheduleEvent['type'][] = [
  'AppointmentReserved',
  'AppointmentConfirmed',
  'AppointmentReleased',
  'AppointmentMoved',
  'AppointmentSuspended',
  'AppointmentResumed',
  'AppointmentRemoved',
];
