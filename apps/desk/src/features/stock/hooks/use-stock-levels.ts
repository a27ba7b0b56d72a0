import type { StockLevel } from '@fieldstream/api-contract';
import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../auth/hooks/use-api';
import { stockPaths } from '../api/stock-paths';
import { stockKeys } from './stock-query-keys';

/** Levels of one warehouse, or of every warehouse the user can see when none is given. */
export function useStockLevels(warehouseCode?: string) {
  const api = useApi();
  return useQuery({
    queryKey: stockKeys.levels(warehouseCode),
    queryFn: ({ signal }) =>
      api<StockLevel[]>(stockPaths.levels(warehouseCode ? { warehouseCode } : {}), { signal }),
    // Live notices refresh at once; the slow poll only covers a dropped connection.
    refetchInterval: 30_000,
  });
}
