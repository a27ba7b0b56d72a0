/** Every movement names its warehouse and item, so each event reads on its own in an audit. */
interface Movement {
  warehouseCode: string;
  itemCode: string;
  quantity: number;
  reason: string;
  /** What caused it: a service request, a delivery note, an inventory count... */
  reference?: string;
}

export type StockEvent =
  | { type: 'StockReceived'; data: Movement }
  | { type: 'StockIssued'; data: Movement & { reservationId?: string } }
  | { type: 'StockReserved'; data: Movement & { reservationId: string } }
  | { type: 'StockReservationReleased'; data: Movement & { reservationId: string } }
  | { type: 'StockCounted'; data: Movement & { counted: number; difference: number } }
  | { type: 'StockTransferredOut'; data: Movement & { transferId: string; toWarehouseCode: string } }
  | { type: 'StockTransferredIn'; data: Movement & { transferId: string; fromWarehouseCode: string } };

export const STOCK_EVENT_TYPES: readonly StockEvent['type'][] = [
  'StockReceived',
  'StockIssued',
  'StockReserved',
  'StockReservationReleased',
  'StockCounted',
  'StockTransferredOut',
  'StockTransferredIn',
];

/** The change to (on hand, reserved) an event makes. */
export function stockEffect(event: StockEvent): { onHand: number; reserved: number } {
  const { quantity } = event.data;
  switch (event.type) {
    case 'StockReceived':
    case 'StockTransferredIn':
      return { onHand: quantity, reserved: 0 };
    case 'StockIssued':
      return { onHand: -quantity, reserved: event.data.reservationId ? -quantity : 0 };
    case 'StockTransferredOut':
      return { onHand: -quantity, reserved: 0 };
    case 'StockReserved':
      return { onHand: 0, reserved: quantity };
    case 'StockReservationReleased':
      return { onHand: 0, reserved: -quantity };
    case 'StockCounted':
      return { onHand: event.data.difference, reserved: 0 };
  }
}
