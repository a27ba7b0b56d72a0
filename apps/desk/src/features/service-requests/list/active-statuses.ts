import type { ServiceRequestStatusValue } from '@fieldstream/api-contract';

/** Requests with work still to do: what the to-do list shows unless told otherwise. */
export const ACTIVE_STATUSES: readonly ServiceRequestStatusValue[] = [
  'open',
  'accepted',
  'assigned',
  'in-progress',
  'suspended',
];
