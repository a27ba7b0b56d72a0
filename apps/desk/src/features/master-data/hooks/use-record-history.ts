import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../auth/hooks/use-api';
import { masterDataPaths } from '../api/master-data-paths';
import type { HistoryEntry } from '../types/master-data-types';
import { LIVE_REFRESH } from './live-refresh';
import { masterDataKeys } from './master-data-query-keys';

export function useRecordHistory(plural: string, code: string, enabled: boolean) {
  const api = useApi();
  return useQuery({
    queryKey: masterDataKeys.history(plural, code),
    queryFn: ({ signal }) => api<HistoryEntry[]>(masterDataPaths.history(plural, code), { signal }),
    enabled,
    ...LIVE_REFRESH,
  });
}
