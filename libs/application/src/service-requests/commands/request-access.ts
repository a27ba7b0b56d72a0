import { type Principal, type RecordScope, type Role, isInScope } from '@fieldstream/domain';
import type { ReadStore } from '@fieldstream/read-store';
import { visibleScope } from '../../access/visible-scope';
import { FieldValidationError, ForbiddenError } from '../../errors';
import type { ServiceRequestActionType } from '../service-request-action';
import { type LoadedRequest, requestNotFound } from './request-stream';

const DESK: readonly Role[] = ['admin', 'dispatcher'];
const DESK_AND_TECHNICIAN: readonly Role[] = ['admin', 'dispatcher', 'technician'];

/**
 * Who may ever do what to an existing request. The desk plans and decides; the technician acts
 * on site for themselves (the desk may record it on their behalf); notes and follow-ups are for
 * everyone working on the request. Customers, devices and integrations only open requests (and
 * customers comment on their own, through the portal: see `mayComment`).
 */
const ROLES_BY_ACTION: Record<ServiceRequestActionType, readonly Role[]> = {
  accept: DESK,
  reject: DESK,
  attachCondition: DESK,
  detachCondition: DESK,
  recordRemoteCheck: DESK,
  assign: DESK,
  reschedule: DESK,
  unassign: DESK,
  suspend: DESK,
  resume: DESK,
  cancel: DESK,
  reopen: DESK,
  renounce: DESK_AND_TECHNICIAN,
  setOut: DESK_AND_TECHNICIAN,
  startWork: DESK_AND_TECHNICIAN,
  addConditionFound: DESK_AND_TECHNICIAN,
  close: DESK_AND_TECHNICIAN,
  addNote: DESK_AND_TECHNICIAN,
  openFollowUp: DESK_AND_TECHNICIAN,
};

/** Who may open a request, and through which channel it then arrives. */
const OPENERS: readonly Role[] = ['admin', 'dispatcher', 'customer', 'integrator', 'device'];

export function mayOpen(actor: Principal): void {
  if (!OPENERS.includes(actor.role)) {
    throw new ForbiddenError(`A ${actor.role} may not open a service request`);
  }
}

/** A customer's comment is a customer user's, bound to their customer (the desk writes notes). */
export function mayComment(actor: Principal): void {
  if (actor.role !== 'customer' || !actor.customerCode) {
    throw new ForbiddenError(`A ${actor.role} adds notes to a request, not customer comments`);
  }
}

/** The request's routing as the access rules read a record's scope. */
export function requestScope(request: LoadedRequest): RecordScope {
  const { unitCode, zoneCode, siteCode, customerCode } = request.opened;
  return {
    ...(unitCode ? { units: [unitCode] } : {}),
    ...(zoneCode ? { zones: [zoneCode] } : {}),
    sites: [siteCode],
    customers: [customerCode],
  };
}

/** A technician reaches the requests they are planned on or have worked on. */
function technicianReaches(actor: Principal, request: LoadedRequest): boolean {
  const code = actor.technicianCode;
  if (!code) return false;
  return request.state.assignments[code] !== undefined || request.state.startedBy.includes(code);
}

/** Refuses a role that may never do this (403), before anything is read. */
export function mayDo(actor: Principal, action: ServiceRequestActionType): void {
  if (!ROLES_BY_ACTION[action].includes(actor.role)) {
    throw new ForbiddenError(`A ${actor.role} may not ${action} a service request`);
  }
}

/**
 * Refuses a request out of the asker's reach exactly as a missing one (404), so probing ids tells
 * nothing about which exist: the desk reaches the requests of its centre's zones (read from the
 * request's own opening), a technician those they are planned on or have worked on.
 */
export async function authorize(
  reads: ReadStore,
  actor: Principal,
  request: LoadedRequest,
  action: ServiceRequestActionType,
): Promise<void> {
  mayDo(actor, action);
  switch (actor.role) {
    case 'admin':
      return;
    case 'dispatcher':
      if (isInScope(actor, requestScope(request), await visibleScope(reads, actor))) return;
      throw requestNotFound(request.requestId);
    case 'technician':
      if (technicianReaches(actor, request)) return;
      throw requestNotFound(request.requestId);
    default:
      throw new ForbiddenError(`A ${actor.role} may not ${action} a service request`);
  }
}

/**
 * The technician a field action is about: a technician acts for themselves only; the desk records
 * it on a technician's behalf and must then say whose.
 */
export function actingTechnician(actor: Principal, named: string | undefined): string {
  if (actor.role === 'technician') {
    const own = actor.technicianCode;
    if (!own || (named !== undefined && named !== own)) {
      throw new ForbiddenError('A technician acts on site for themselves only');
    }
    return own;
  }
  if (named === undefined) {
    throw new FieldValidationError('Say which technician this is for', [
      {
        field: 'technicianCode',
        code: 'required',
        message: 'Required when the desk acts on behalf of a technician',
      },
    ]);
  }
  return named;
}
