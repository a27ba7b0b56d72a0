import { requestServiceLevelSchema } from '@fieldstream/api-contract';
import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../auth/hooks/use-api';
import { serviceLevelPaths } from '../api/service-level-paths';
import { serviceLevelKeys } from '../api/service-level-query-keys';

/** One request's clocks as recorded; its countdowns are the screen's to compute. */
export function useRequestServiceLevel(requestId: string) {
  const api = useApi();
  return useQuery({
    queryKey: serviceLevelKeys.request(requestId),
    queryFn: ({ signal }) =>
      api(serviceLevelPaths.request(requestId), { signal, schema: requestServiceLevelSchema }),
  });
}
