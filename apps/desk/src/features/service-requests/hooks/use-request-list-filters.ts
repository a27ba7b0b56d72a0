import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { filtersFromSearchParams } from '../list/filters-from-search-params';
import { searchParamsFromFilters } from '../list/search-params-from-filters';
import type { RequestListFilters } from '../types/request-list-filters';

/**
 * The to-do list's filters live in the URL: a link can be shared, and Back returns to the filters
 * before. Any change but paging goes back to the first page.
 */
export function useRequestListFilters() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFromSearchParams(params), [params]);
  const update = useCallback(
    (change: Partial<RequestListFilters>) =>
      setParams(searchParamsFromFilters({ ...filters, page: 1, ...change })),
    [filters, setParams],
  );
  return { filters, update };
}
