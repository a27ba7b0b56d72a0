import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useApi } from '../../features/auth/hooks/use-api';
import { masterDataPaths } from '../../features/master-data/api/master-data-paths';
import type { MasterDataDocument, RecordPage } from '../../features/master-data/types/master-data-types';
import type { RecordOption } from '../types/record-option';

/** How a record reads in a picker: its name and code, in the desk's order (`T-MI-1 · Anna Bianchi`). */
export type RecordLabelOf = (code: string, record: Record<string, unknown>) => string;

const codeThenName: RecordLabelOf = (code, record) =>
  typeof record['name'] === 'string' && record['name'] ? `${code} · ${record['name']}` : code;

/**
 * Active records of a master-data kind matching the words typed (the API's word-prefix search)
 * and, through `where`, fields of the record (`customerCode`, `siteCode`, `unitCode`): how the
 * master-data list filters. Several `where`s ask once each and merge the answers (the list ANDs its
 * filters; this is the OR). Kept under `['master-data', plural]`, so a renamed record refreshes.
 * `labelOf` words each option; the records are cached, so screens wording them differently share
 * the answer.
 */
export function useRecordOptions(
  plural: string,
  q: string,
  where: Record<string, string> | readonly Record<string, string>[] = {},
  {
    enabled = true,
    limit = 20,
    labelOf = codeThenName,
  }: { enabled?: boolean; limit?: number; labelOf?: RecordLabelOf } = {},
) {
  const api = useApi();
  const filters = Array.isArray(where) ? where : [where];
  return useQuery({
    queryKey: ['master-data', plural, 'record-options', filters, q, limit],
    queryFn: async ({ signal }): Promise<MasterDataDocument[]> => {
      const pages = await Promise.all(
        filters.map((filter) =>
          api<RecordPage>(masterDataPaths.list(plural, { ...filter, q: q.trim(), limit }), { signal }),
        ),
      );
      const seen = new Set<string>();
      return pages
        .flatMap((page) => page.items)
        .filter((item) => !seen.has(item.code) && seen.add(item.code));
    },
    select: (items): RecordOption[] =>
      items.map((item) => ({ value: item.code, label: labelOf(item.code, item.record) })),
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
}
