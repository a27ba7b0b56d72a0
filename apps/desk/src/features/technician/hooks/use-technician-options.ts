import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useApi } from '../../auth/hooks/use-api';
import type { MasterDataPage } from '../api/master-data-page';
import { recordOptionsOf } from '../api/record-options-of';
import { technicianPaths } from '../api/technician-paths';
import { technicianKeys } from './technician-query-keys';

/** Technicians the office user can see, searched by word prefix. */
export function useTechnicianOptions(q: string, enabled: boolean) {
  const api = useApi();
  return useQuery({
    queryKey: technicianKeys.technicians(q),
    queryFn: async ({ signal }) =>
      recordOptionsOf(
        await api<MasterDataPage>(technicianPaths.masterData('technicians', { q, limit: '20' }), { signal }),
      ),
    enabled,
    placeholderData: keepPreviousData,
  });
}
