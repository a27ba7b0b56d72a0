import type { StockSource } from '../types/stock-source';

/** Where materials come from unless the technician says otherwise: their own van. */
export function defaultWarehouse(
  sources: readonly StockSource[],
  technicianCode: string | undefined,
): string | undefined {
  if (!technicianCode) return undefined;
  return sources.find((source) => source.type === 'van' && source.technicianCode === technicianCode)?.code;
}
