import type { StockMovement } from '@fieldstream/api-contract';
import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../auth/hooks/use-api';
import { stockPaths } from '../api/stock-paths';
import { stockKeys } from './stock-query-keys';

export const RECENT_MOVEMENTS = 50;

export function useStockMovements(warehouseCode: string) {
  const api = useApi();
  return useQuery({
    queryKey: stockKeys.movements(warehouseCode),
    queryFn: ({ signal }) =>
      api<StockMovement[]>(stockPaths.movements(warehouseCode, RECENT_MOVEMENTS), { signal }),
    refetchInterval: 30_000,
  });
}
