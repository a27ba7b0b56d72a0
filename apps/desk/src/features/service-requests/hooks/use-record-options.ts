import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useApi } from '../../auth/hooks/use-api';
import { masterDataPaths } from '../../master-data/api/master-data-paths';
import type { RecordPage } from '../../master-data/types/master-data-types';
import type { RecordOption } from '../types/record-option';

const labelOf = (code: string, record: Record<string, unknown>) =>
  typeof record['name'] === 'string' && record['name'] ? `${code} · ${record['name']}` : code;

/**
 * Active records of a master-data kind matching the words typed (the API's word-prefix search)
 * and, through `where`, fields of the record (`customerCode`, `siteCode`, `unitCode`): how the
 * master-data list filters. Several `where`s ask once each and merge the answers (the list ANDs its
 * filters; this is the OR). Kept under `['master-data', plural]`, so a renamed record refreshes.
 */
export function useRecordOptions(
  plural: string,
  q: string,
  where: Record<string, string> | readonly Record<string, string>[] = {},
  { enabled = true, limit = 20 }: { enabled?: boolean; limit?: number } = {},
) {
  const api = useApi();
  const filters = Array.isArray(where) ? where : [where];
  return useQuery({
    queryKey: ['master-data', plural, 'service-request-options', filters, q, limit],
    queryFn: async ({ signal }) => {
      const pages = await Promise.all(
        filters.map((filter) =>
          api<RecordPage>(masterDataPaths.list(plural, { ...filter, q: q.trim(), limit }), { signal }),
        ),
      );
      const seen = new Set<string>();
      return pages
        .flatMap((page) => page.items)
        .filter((item) => !seen.has(item.code) && seen.add(item.code))
        .map((item): RecordOption => ({
          value: item.code,
          label: labelOf(item.code, item.record),
          record: item.record,
        }));
    },
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
}
