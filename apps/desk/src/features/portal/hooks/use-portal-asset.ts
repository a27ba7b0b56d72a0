import { portalAssetDetailSchema } from '@fieldstream/api-contract';
import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../auth/hooks/use-api';
import { portalApiPaths } from '../api/portal-api-path';
import { portalKeys } from './portal-query-keys';

/** One of the customer's machines with its service history. */
export function usePortalAsset(code: string) {
  const api = useApi();
  return useQuery({
    queryKey: portalKeys.asset(code),
    queryFn: ({ signal }) => api(portalApiPaths.asset(code), { signal, schema: portalAssetDetailSchema }),
  });
}
