import type { AssignmentView, SessionUser } from '@fieldstream/api-contract';
import type { Viewer } from '../types/viewer';

/**
 * A technician always acts for themselves, whatever the address says. An office user acts for
 * the technician the address names, or for the only one assigned when there is just one.
 */
export function resolveViewer(
  user: Pick<SessionUser, 'role' | 'binding'> | undefined,
  requestedCode: string | null,
  assignments: readonly AssignmentView[] = [],
): Viewer {
  const role = user?.role ?? 'auditor';
  if (role === 'technician') {
    return { role, technicianCode: user?.binding.technicianCode, actsForAnother: false };
  }
  const only = assignments.length === 1 ? assignments[0]?.technicianCode : undefined;
  return { role, technicianCode: requestedCode || only, actsForAnother: true };
}
