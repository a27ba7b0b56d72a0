import type { StockLevel } from '@fieldstream/api-contract';

/** A stock level as the API answers it, for tests: available is what is on hand less reserved. */
export const stockLevelOf = (
  warehouseCode: string,
  itemCode: string,
  onHand: number,
  reserved = 0,
): StockLevel => ({
  _id: `${warehouseCode}|${itemCode}`,
  warehouseCode,
  itemCode,
  onHand,
  reserved,
  available: onHand - reserved,
  updatedAt: '2026-01-01T00:00:00Z',
});
