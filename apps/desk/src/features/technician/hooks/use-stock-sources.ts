import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../auth/hooks/use-api';
import type { RecordPage } from '../../master-data/types/master-data-types';
import { technicianPaths } from '../api/technician-paths';
import type { StockSource } from '../types/stock-source';
import { technicianKeys } from './technician-query-keys';

/**
 * The warehouses and vans the user can take materials from. A technician sees only their own van
 * (the API's scope); an office user closing for one sees every store of their centre.
 */
export function useStockSources(enabled: boolean) {
  const api = useApi();
  return useQuery({
    queryKey: technicianKeys.warehouses(),
    queryFn: async ({ signal }) => {
      const page = await api<RecordPage>(technicianPaths.masterData('warehouses', { limit: '1000' }), {
        signal,
      });
      return page.items.map((item): StockSource => {
        const { name, type, technicianCode } = item.record;
        return {
          code: item.code,
          name: typeof name === 'string' ? name : '',
          type: type === 'van' ? 'van' : 'warehouse',
          ...(typeof technicianCode === 'string' ? { technicianCode } : {}),
        };
      });
    },
    enabled,
    staleTime: 5 * 60_000,
    gcTime: 24 * 60 * 60_000,
  });
}
