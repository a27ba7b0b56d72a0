import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../auth/hooks/use-api';
import { stockKeys } from './stock-query-keys';

interface NamedRecord {
  code: string;
  record: { name?: unknown };
}

export interface RecordName {
  code: string;
  name: string;
}

/**
 * Codes and names of the active items or warehouses the user can see, for pickers and for naming
 * items in the levels. One page of up to 1000: enough for a desk's catalogue today.
 */
export function useRecordNames(plural: 'items' | 'warehouses') {
  const api = useApi();
  return useQuery({
    queryKey: stockKeys.names(plural),
    queryFn: async ({ signal }) => {
      const page = await api<{ items: NamedRecord[] }>(
        `/api/master-data/${plural}?status=active&limit=1000`,
        { signal },
      );
      return page.items.map((item): RecordName => ({
        code: item.code,
        name: typeof item.record.name === 'string' ? item.record.name : '',
      }));
    },
    staleTime: 60_000,
  });
}
