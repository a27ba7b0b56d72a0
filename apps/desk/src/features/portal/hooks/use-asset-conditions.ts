import { portalConditionsSchema } from '@fieldstream/api-contract';
import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../auth/hooks/use-api';
import { portalApiPaths } from '../api/portal-api-path';
import { portalKeys } from './portal-query-keys';

/** The conditions the customer may report on a machine; nothing to ask before one is chosen. */
export function useAssetConditions(assetCode: string | null) {
  const api = useApi();
  return useQuery({
    queryKey: portalKeys.conditions(assetCode ?? ''),
    queryFn: ({ signal }) =>
      api(portalApiPaths.assetConditions(assetCode ?? ''), { signal, schema: portalConditionsSchema }),
    enabled: assetCode !== null,
  });
}
