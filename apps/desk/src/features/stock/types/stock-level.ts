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
