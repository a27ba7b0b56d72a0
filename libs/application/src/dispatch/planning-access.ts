import type { Principal } from '@fieldstream/domain';
import { SERVICE_REQUESTS_COLLECTION, type ServiceRequestDocument } from '@fieldstream/projections';
import type { ReadStore } from '@fieldstream/read-store';
import { ForbiddenError } from '../errors';
import { requestNotFound } from '../service-requests/commands/request-stream';
import { isWithinReach, requestReach } from '../service-requests/queries/service-request-access';

/** Who plans technicians' work: the desk, its managers, administrators. */
const PLANNERS: ReadonlySet<Principal['role']> = new Set(['admin', 'dispatcher', 'manager']);

export function requirePlanner(principal: Principal): void {
  if (!PLANNERS.has(principal.role))
    throw new ForbiddenError(`A ${principal.role} does not plan technicians' work`);
}

/** The request a planner asks about, if they reach it; otherwise the same 404 as a missing one. */
export async function plannedRequest(
  reads: ReadStore,
  principal: Principal,
  requestId: string,
): Promise<ServiceRequestDocument> {
  requirePlanner(principal);
  const request = await reads
    .collection<ServiceRequestDocument>(SERVICE_REQUESTS_COLLECTION)
    .findOne({ _id: requestId }, { projection: { searchTerms: 0 } });
  if (!request || !isWithinReach(await requestReach(reads, principal), request))
    throw requestNotFound(requestId);
  return request;
}
