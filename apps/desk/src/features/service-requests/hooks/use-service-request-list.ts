import { serviceRequestListSchema, serviceRequestPaths } from '@fieldstream/api-contract';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiPathOf } from '../../../shared/api/api-path-of';
import { useApi } from '../../auth/hooks/use-api';
import { listQueryOf } from '../list/list-query-of';
import type { RequestListFilters } from '../types/request-list-filters';
import { serviceRequestKeys } from './service-request-query-keys';

/**
 * One page of the to-do list. No polling: the live notices invalidate `['service-requests']`.
 * The previous page stays on screen while the next loads, so the table does not flash empty.
 */
export function useServiceRequestList(filters: RequestListFilters) {
  const api = useApi();
  const query = listQueryOf(filters);
  return useQuery({
    queryKey: serviceRequestKeys.list(query.toString()),
    queryFn: ({ signal }) =>
      api(apiPathOf(serviceRequestPaths.collection(), query), { signal, schema: serviceRequestListSchema }),
    placeholderData: keepPreviousData,
  });
}
