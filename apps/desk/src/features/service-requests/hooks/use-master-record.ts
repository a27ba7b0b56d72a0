import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../auth/hooks/use-api';
import { masterDataPaths } from '../../master-data/api/master-data-paths';
import { masterDataKeys } from '../../master-data/hooks/master-data-query-keys';
import type { MasterDataDocument } from '../../master-data/types/master-data-types';

/** One master-data record (a site, for its contacts), under master data's own key. */
export function useMasterRecord(plural: string, code: string | null) {
  const api = useApi();
  return useQuery({
    queryKey: masterDataKeys.record(plural, code ?? ''),
    queryFn: ({ signal }) => api<MasterDataDocument>(masterDataPaths.record(plural, code ?? ''), { signal }),
    enabled: code !== null,
  });
}
