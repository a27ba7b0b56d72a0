import { serviceRequestDetailSchema, serviceRequestPaths } from '@fieldstream/api-contract';
import { useQuery } from '@tanstack/react-query';
import { apiPathOf } from '../../../shared/api/api-path-of';
import { useApi } from '../../auth/hooks/use-api';
import { serviceRequestKeys } from './service-request-query-keys';

/** One request as it stands, with its version (the next If-Match) and the commands it allows. */
export function useServiceRequest(requestId: string) {
  const api = useApi();
  return useQuery({
    queryKey: serviceRequestKeys.detail(requestId),
    queryFn: ({ signal }) =>
      api(apiPathOf(serviceRequestPaths.one(requestId)), { signal, schema: serviceRequestDetailSchema }),
  });
}
