import { portalRequestDetailSchema } from '@fieldstream/api-contract';
import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../auth/hooks/use-api';
import { portalApiPaths } from '../api/portal-api-path';
import { portalKeys } from './portal-query-keys';

/** One of the customer's requests; re-read on every change notice about requests. */
export function usePortalRequest(id: string) {
  const api = useApi();
  return useQuery({
    queryKey: portalKeys.request(id),
    queryFn: ({ signal }) => api(portalApiPaths.request(id), { signal, schema: portalRequestDetailSchema }),
  });
}
