import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import {
  searchParamsFromSlaFilters,
  slaFiltersFromSearchParams,
} from '../dashboard/sla-filters-from-search-params';
import type { SlaDashboardFilters } from '../types/sla-dashboard-filters';

/** The dashboard's filters live in the URL: a manager can share the view, and Back returns to the last. */
export function useSlaDashboardFilters() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => slaFiltersFromSearchParams(params), [params]);
  const update = useCallback(
    (change: Partial<SlaDashboardFilters>) =>
      setParams(searchParamsFromSlaFilters({ ...filters, ...change })),
    [filters, setParams],
  );
  return { filters, update };
}
