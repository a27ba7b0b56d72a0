/**
 * Everything under `['stock']`, the key the live change notices invalidate (topic `stock`), so a
 * movement recorded anywhere refreshes every stock screen. Names of items and warehouses live under
 * master data's keys, so a renamed item refreshes them (topic `master-data/items`).
 */
export const stockKeys = {
  all: () => ['stock'] as const,
  levels: (warehouseCode?: string) => ['stock', 'levels', warehouseCode ?? '*'] as const,
  movements: (warehouseCode: string) => ['stock', 'movements', warehouseCode] as const,
  names: (plural: 'items' | 'warehouses') => ['master-data', plural, 'stock-names'] as const,
};
