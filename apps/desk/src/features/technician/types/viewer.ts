import type { SessionUser } from '@fieldstream/api-contract';

/**
 * Who looks at a sheet and for whom: a technician for themselves, or an office user acting for
 * the technician named in the address (`?technician=`) or the request's only one.
 */
export interface Viewer {
  role: SessionUser['role'];
  /** The technician the commands are for; undefined when an office user has not said. */
  technicianCode: string | undefined;
  /** True when the commands must name the technician (an office user acting for one). */
  actsForAnother: boolean;
}
