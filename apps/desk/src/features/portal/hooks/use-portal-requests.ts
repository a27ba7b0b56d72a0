import { portalRequestListSchema } from '@fieldstream/api-contract';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useApi } from '../../auth/hooks/use-api';
import { portalApiPaths } from '../api/portal-api-path';
import { portalKeys } from './portal-query-keys';

/** The customer's open or past requests, the first `limit` of them. */
export function usePortalRequests(state: 'open' | 'past', limit: number) {
  const api = useApi();
  return useQuery({
    queryKey: portalKeys.requests(state, limit),
    queryFn: ({ signal }) =>
      api(portalApiPaths.requests(state, limit), { signal, schema: portalRequestListSchema }),
    // "Show more" keeps the list on screen while the longer page loads.
    placeholderData: keepPreviousData,
  });
}
