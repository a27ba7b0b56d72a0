import type { ServiceRequestStatusValue } from '@fieldstream/api-contract';

/** An appointment as the agenda and the board both carry it: its own status and its request's. */
interface AppointmentWithRequest {
  status: string;
  request?: { status: ServiceRequestStatusValue } | undefined;
}

/** Displaced by an emergency, or on a request put on hold: it holds no time now. */
export function isSuspendedEntry(entry: AppointmentWithRequest): boolean {
  return entry.status === 'suspended' || entry.request?.status === 'suspended';
}
