import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../auth/hooks/use-api';
import type { RecordPage } from '../../master-data/types/master-data-types';
import { recordOptionsOf } from '../api/record-options-of';
import { technicianPaths } from '../api/technician-paths';
import { technicianKeys } from './technician-query-keys';

/** The item catalogue for the materials picker: one page of up to 1000, searched on the phone. */
export function useItemOptions(enabled: boolean) {
  const api = useApi();
  return useQuery({
    queryKey: technicianKeys.items(),
    queryFn: async ({ signal }) =>
      recordOptionsOf(
        await api<RecordPage>(technicianPaths.masterData('items', { limit: '1000' }), { signal }),
      ),
    enabled,
    staleTime: 5 * 60_000,
    gcTime: 24 * 60 * 60_000,
  });
}
