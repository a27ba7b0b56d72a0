import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../auth/hooks/use-api';
import { masterDataPaths } from '../api/master-data-paths';
import type { MasterDataDocument } from '../types/master-data-types';
import { LIVE_REFRESH } from './live-refresh';
import { masterDataKeys } from './master-data-query-keys';

export function useRecord(plural: string, code: string | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: masterDataKeys.record(plural, code ?? ''),
    queryFn: ({ signal }) => api<MasterDataDocument>(masterDataPaths.record(plural, code ?? ''), { signal }),
    enabled: code !== undefined,
    ...LIVE_REFRESH,
  });
}
