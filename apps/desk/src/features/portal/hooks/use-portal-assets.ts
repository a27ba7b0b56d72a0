import { portalAssetsSchema } from '@fieldstream/api-contract';
import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../auth/hooks/use-api';
import { portalApiPaths } from '../api/portal-api-path';
import { portalKeys } from './portal-query-keys';

/** The customer's sites with their machines. */
export function usePortalAssets() {
  const api = useApi();
  return useQuery({
    queryKey: portalKeys.assets(),
    queryFn: ({ signal }) => api(portalApiPaths.assets(), { signal, schema: portalAssetsSchema }),
  });
}
