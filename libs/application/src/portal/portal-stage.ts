import type { PortalStage } from '@fieldstream/api-contract';
import type { ServiceRequestDocument } from '@fieldstream/projections';

/** States after which nothing more happens to a request from the customer's side. */
export const FINISHED_STATUSES: ReadonlySet<ServiceRequestDocument['status']> = new Set([
  'closed',
  'resolved-remotely',
  'cancelled',
  'rejected',
]);

/**
 * Where a request stands in the customer's words. An assigned request whose technician has set
 * out and not arrived yet is "on the way": the one moment a customer most wants to know about.
 */
export function portalStageOf(request: Pick<ServiceRequestDocument, 'status' | 'assignments'>): PortalStage {
  switch (request.status) {
    case 'open':
      return 'received';
    case 'accepted':
      return 'scheduling';
    case 'assigned':
      return request.assignments.some((a) => a.departedAt !== undefined && a.startedAt === undefined)
        ? 'on-the-way'
        : 'planned';
    case 'in-progress':
      return 'in-progress';
    case 'suspended':
      return 'on-hold';
    case 'closed':
      return 'completed';
    case 'resolved-remotely':
      return 'resolved-remotely';
    case 'cancelled':
      return 'cancelled';
    case 'rejected':
      return 'declined';
  }
}
