import { slaDashboardSchema } from '@fieldstream/api-contract';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useApi } from '../../auth/hooks/use-api';
import { serviceLevelPaths } from '../api/service-level-paths';
import { serviceLevelKeys } from '../api/service-level-query-keys';
import { searchParamsFromSlaFilters } from '../dashboard/sla-filters-from-search-params';
import type { SlaDashboardFilters } from '../types/sla-dashboard-filters';

/**
 * The dashboard in one answer: totals, groups, the requests at risk and the period's figures. The
 * previous answer stays on screen while a new filter loads; live notices refetch it.
 */
export function useSlaDashboard(filters: SlaDashboardFilters) {
  const api = useApi();
  return useQuery({
    queryKey: serviceLevelKeys.dashboard(filters),
    queryFn: ({ signal }) =>
      api(serviceLevelPaths.dashboard(searchParamsFromSlaFilters(filters)), {
        signal,
        schema: slaDashboardSchema,
      }),
    placeholderData: keepPreviousData,
  });
}
