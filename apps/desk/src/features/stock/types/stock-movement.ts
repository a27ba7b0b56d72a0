export const STOCK_EVENT_TYPES = [
  'StockReceived',
  'StockIssued',
  'StockReserved',
  'StockReservationReleased',
  'StockCounted',
  'StockTransferredOut',
  'StockTransferredIn',
] as const;

/** One recorded movement, newest first, as `GET /api/stock/<warehouse>/movements` answers. */
export interface StockMovement {
  type: string;
  itemCode: string;
  /** For a count, the difference the count made (negative when stock was missing). */
  quantity: number;
  reason: string;
  reference: string | null;
  at: string;
  actorName: string;
}
