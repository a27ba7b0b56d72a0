import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useApi } from '../../auth/hooks/use-api';
import { masterDataPaths } from '../api/master-data-paths';
import type { RecordPage, StatusFilter } from '../types/master-data-types';
import { LIVE_REFRESH } from './live-refresh';
import { masterDataKeys } from './master-data-query-keys';

export interface RecordListQuery {
  q: string;
  status: StatusFilter;
  limit: number;
  offset: number;
}

export function useRecordList(plural: string, query: RecordListQuery) {
  const api = useApi();
  return useQuery({
    queryKey: masterDataKeys.list(plural, query),
    queryFn: ({ signal }) => api<RecordPage>(masterDataPaths.list(plural, { ...query }), { signal }),
    placeholderData: keepPreviousData,
    ...LIVE_REFRESH,
  });
}
