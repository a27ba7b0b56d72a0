import type { StockLevel } from '@fieldstream/api-contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../auth/hooks/use-api';
import { stockPaths } from '../api/stock-paths';
import { stockKeys } from './stock-query-keys';

/** Posts one movement; the answer is the warehouse's new levels, and every stock view refreshes. */
export function useRecordMovement(warehouseCode: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      api<StockLevel[]>(stockPaths.movements(warehouseCode), { method: 'POST', body }),
    onSuccess: async (levels) => {
      queryClient.setQueryData(stockKeys.levels(warehouseCode), levels);
      await queryClient.invalidateQueries({ queryKey: stockKeys.all() });
    },
  });
}
