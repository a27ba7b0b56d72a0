import { interventionSheetSchema } from '@fieldstream/api-contract';
import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../auth/hooks/use-api';
import { technicianPaths } from '../api/technician-paths';
import { technicianKeys } from './technician-query-keys';

/** Everything a technician needs on site, kept in the cache for a day for when the signal drops. */
export function useInterventionSheet(requestId: string) {
  const api = useApi();
  return useQuery({
    queryKey: technicianKeys.sheet(requestId),
    queryFn: ({ signal }) =>
      api(technicianPaths.sheet(requestId), { signal, schema: interventionSheetSchema }),
    gcTime: 24 * 60 * 60_000,
    refetchInterval: 60_000,
  });
}
