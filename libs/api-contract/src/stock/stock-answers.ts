/** One item's quantities in one warehouse or van, as `GET /api/stock` answers. */
export interface StockLevel {
  _id: string;
  warehouseCode: string;
  itemCode: string;
  onHand: number;
  reserved: number;
  available: number;
  updatedAt: string;
}

/** One recorded movement, as `GET /api/stock/<warehouse>/movements` answers (newest first). */
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
