import { portalContractsSchema } from '@fieldstream/api-contract';
import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../auth/hooks/use-api';
import { portalApiPaths } from '../api/portal-api-path';
import { portalKeys } from './portal-query-keys';

/** The customer's contracts in their terms. */
export function usePortalContracts() {
  const api = useApi();
  return useQuery({
    queryKey: portalKeys.contracts(),
    queryFn: ({ signal }) => api(portalApiPaths.contracts(), { signal, schema: portalContractsSchema }),
  });
}
