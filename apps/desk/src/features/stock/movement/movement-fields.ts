import type { MovementDraft, MovementType } from '../types/movement-draft';

export type MovementField = Exclude<keyof MovementDraft, 'type'>;

/** The fields each movement type asks for, in the order the form shows them (as the API's schema). */
export const MOVEMENT_FIELDS: Record<MovementType, readonly MovementField[]> = {
  receive: ['itemCode', 'quantity', 'reason', 'reference'],
  issue: ['itemCode', 'quantity', 'reason', 'reference'],
  reserve: ['itemCode', 'quantity', 'reservationId', 'reason'],
  release: ['reservationId', 'reason'],
  count: ['itemCode', 'counted', 'reason'],
  transfer: ['itemCode', 'quantity', 'toWarehouseCode', 'reason', 'reference'],
};

/** Every field but the reference is required by the API. */
export const OPTIONAL_MOVEMENT_FIELDS: ReadonlySet<MovementField> = new Set(['reference']);
