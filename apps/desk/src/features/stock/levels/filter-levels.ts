import type { StockLevel } from '@fieldstream/api-contract';

export interface LevelFilter {
  warehouseCode: string | null;
  itemCode: string | null;
  onlyShortages: boolean;
}

/** A shortage: nothing left to promise (reserved stock included). */
export const isShortage = (level: StockLevel) => level.available <= 0;

/** The stock page's filters, applied to the levels the API answered for the visible warehouses. */
export function filterLevels(levels: readonly StockLevel[], filter: LevelFilter): StockLevel[] {
  return levels.filter(
    (level) =>
      (!filter.warehouseCode || level.warehouseCode === filter.warehouseCode) &&
      (!filter.itemCode || level.itemCode === filter.itemCode) &&
      (!filter.onlyShortages || isShortage(level)),
  );
}
