import type { SessionUser } from '@fieldstream/api-contract';
import { MOVEMENT_TYPES, type MovementType } from '../types/movement-draft';

/**
 * The movements the form offers, mirroring the API's rule (it has the last word): the office moves
 * anything in what it can see, a technician only uses and counts parts in their own van.
 */
export function movementTypesFor(
  user: Pick<SessionUser, 'role' | 'binding'> | undefined,
  warehouseTechnicianCode: string | undefined,
): readonly MovementType[] {
  switch (user?.role) {
    case 'admin':
    case 'dispatcher':
    case 'integrator':
      return MOVEMENT_TYPES;
    case 'technician':
      return user.binding.technicianCode !== undefined &&
        user.binding.technicianCode === warehouseTechnicianCode
        ? ['issue', 'count']
        : [];
    default:
      return [];
  }
}
