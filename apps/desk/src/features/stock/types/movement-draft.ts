export const MOVEMENT_TYPES = ['receive', 'issue', 'reserve', 'release', 'count', 'transfer'] as const;
export type MovementType = (typeof MOVEMENT_TYPES)[number];

/** What the "Record movement" form holds: every field as typed, whatever the type asks for. */
export interface MovementDraft {
  type: MovementType;
  itemCode: string;
  quantity: string;
  counted: string;
  reason: string;
  reference: string;
  reservationId: string;
  toWarehouseCode: string;
}

export const EMPTY_MOVEMENT_DRAFT: MovementDraft = {
  type: 'receive',
  itemCode: '',
  quantity: '',
  counted: '',
  reason: '',
  reference: '',
  reservationId: '',
  toWarehouseCode: '',
};
