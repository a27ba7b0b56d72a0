import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useApi } from '../../auth/hooks/use-api';
import type { RecordPage } from '../../master-data/types/master-data-types';
import { recordOptionsOf } from '../api/record-options-of';
import { technicianPaths } from '../api/technician-paths';
import { technicianKeys } from './technician-query-keys';

/** The condition catalogue searched by word prefix, twenty at a time: enough to pick from on a phone. */
export function useConditionSearch(q: string) {
  const api = useApi();
  return useQuery({
    queryKey: technicianKeys.conditions(q),
    queryFn: async ({ signal }) =>
      recordOptionsOf(
        await api<RecordPage>(technicianPaths.masterData('conditions', { q, limit: '20' }), { signal }),
      ),
    placeholderData: keepPreviousData,
  });
}
