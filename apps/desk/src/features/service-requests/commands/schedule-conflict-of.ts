import { ApiProblemError } from '../../../shared/api/api-problem-error';

/** An appointment in the way of a booking, as the technician's schedule names it. */
export interface ConflictingAppointment {
  appointmentId: string;
  requestId: string;
  start: string;
  end: string;
}

export interface ScheduleConflict {
  /** The server's words, naming the other appointment. */
  detail: string;
  technicianCode?: string;
  conflicts: ConflictingAppointment[];
}

const recordOf = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};

const isAppointment = (value: unknown): value is ConflictingAppointment => {
  const entry = value as Record<string, unknown> | null;
  return (
    typeof entry === 'object' &&
    entry !== null &&
    typeof entry['appointmentId'] === 'string' &&
    typeof entry['requestId'] === 'string' &&
    typeof entry['start'] === 'string' &&
    typeof entry['end'] === 'string'
  );
};

/**
 * The technician-schedule decider's `schedule_conflict` refusal, read from the problem the API
 * answered (`code`, and `details: { technicianCode, conflicts }`); undefined for any other error.
 */
export function scheduleConflictOf(error: unknown): ScheduleConflict | undefined {
  if (!(error instanceof ApiProblemError)) return undefined;
  const body = recordOf(error.body);
  const details = recordOf(body['details']);
  const conflicts = Array.isArray(details['conflicts']) ? details['conflicts'].filter(isAppointment) : [];
  if (body['code'] !== 'schedule_conflict' && conflicts.length === 0) return undefined;
  const technicianCode = details['technicianCode'];
  return {
    detail: error.detail ?? error.title,
    ...(typeof technicianCode === 'string' ? { technicianCode } : {}),
    conflicts,
  };
}
