import type { Principal, Role } from '@fieldstream/domain';
import { ForbiddenError } from '../errors';

/**
 * The closed interventions export is the back office's: every customer's work, labour and stock.
 * Administrators, auditors and integrations read it; scoped roles (a centre's desk, a technician,
 * a customer) and devices are refused rather than filtered, as for the event stream.
 */
const READERS: ReadonlySet<Role> = new Set<Role>(['admin', 'auditor', 'integrator']);

/**
 * Recording a run moves a consumer's starting point: what it exported is not offered to it again.
 * Auditors look without touching, so they list and re-download runs but record none.
 */
const RECORDERS: ReadonlySet<Role> = new Set<Role>(['admin', 'integrator']);

export function assertMayReadInterventionExports(principal: Principal): void {
  if (!READERS.has(principal.role))
    throw new ForbiddenError(`A ${principal.role} may not export closed interventions`);
}

export function assertMayRecordExportRuns(principal: Principal): void {
  if (!RECORDERS.has(principal.role))
    throw new ForbiddenError(
      `A ${principal.role} may not record export runs (they move what a consumer is offered next)`,
    );
}
