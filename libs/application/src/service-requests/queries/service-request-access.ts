import { type Principal, type VisibleScope, isInScope } from '@fieldstream/domain';
import { SERVICE_REQUESTS_COLLECTION, type ServiceRequestDocument } from '@fieldstream/projections';
import type { Filter, ReadStore } from '@fieldstream/read-store';
import { scopeListFilter } from '../../access/scope-filter';
import { visibleScope } from '../../access/visible-scope';
import { ForbiddenError } from '../../errors';
import { requestNotFound } from '../commands/request-stream';

/**
 * Which requests a principal reaches, decided once per query:
 * - administrators, auditors and integrations: every request;
 * - a centre's desk and managers: the requests of the units under theirs (by the request's unit,
 *   else its zone, else its site, as `isInScope` judges master data);
 * - a customer user: their customer's; a technician: those they are assigned to or worked on;
 * - a device credential: the requests about the assets it reports for, nothing without any.
 * The desk's views built on this reach refuse customers outright (`refuseCustomer`): they name
 * technicians in full, carry internal notes and routing; a customer follows their requests in the
 * portal, whose answers are built for them (`PortalQueries`).
 */
export type RequestReach =
  | { kind: 'all' }
  | { kind: 'none' }
  | { kind: 'assets'; assetCodes: ReadonlySet<string> }
  | { kind: 'scoped'; principal: Principal; visible: VisibleScope };

export async function requestReach(reads: ReadStore, principal: Principal): Promise<RequestReach> {
  switch (principal.role) {
    case 'admin':
    case 'auditor':
    case 'integrator':
      return { kind: 'all' };
    case 'device':
      return principal.assetCodes && principal.assetCodes.length > 0
        ? { kind: 'assets', assetCodes: new Set(principal.assetCodes) }
        : { kind: 'none' };
    default: {
      const visible = await visibleScope(reads, principal);
      return visible.unrestricted ? { kind: 'all' } : { kind: 'scoped', principal, visible };
    }
  }
}

/** The list filter for a reach; `undefined` means no restriction. */
export function reachFilter(reach: RequestReach): Filter | undefined {
  switch (reach.kind) {
    case 'all':
      return undefined;
    case 'none':
      // No document has this id: an empty answer through the same query path.
      return { _id: { $in: [] } };
    case 'assets':
      return { assetCode: { $in: [...reach.assetCodes] } };
    case 'scoped':
      return scopeListFilter(reach.principal, reach.visible);
  }
}

export function isWithinReach(
  reach: RequestReach,
  document: Pick<ServiceRequestDocument, 'scope' | 'assetCode'>,
): boolean {
  switch (reach.kind) {
    case 'all':
      return true;
    case 'none':
      return false;
    case 'assets':
      return document.assetCode !== undefined && reach.assetCodes.has(document.assetCode);
    case 'scoped':
      return isInScope(reach.principal, document.scope, reach.visible);
  }
}

/**
 * Refuses a customer user the desk's views of requests outright (403, with where to look
 * instead), rather than answering their own request as missing.
 */
export function refuseCustomer(principal: Principal): void {
  if (principal.role === 'customer') {
    throw new ForbiddenError('A customer follows their requests in the portal: /api/portal/requests');
  }
}

/**
 * Whether the principal reaches this request in the desk's views (missing and out of reach both
 * answer the same NotFound): for what hangs off a request, such as its files.
 */
export async function assertRequestInReach(
  reads: ReadStore,
  principal: Principal,
  requestId: string,
): Promise<void> {
  refuseCustomer(principal);
  const document = await reads
    .collection<ServiceRequestDocument>(SERVICE_REQUESTS_COLLECTION)
    .findOne({ _id: requestId }, { projection: { scope: 1, assetCode: 1 } });
  if (document && isWithinReach(await requestReach(reads, principal), document)) return;
  throw requestNotFound(requestId);
}
