import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import {
  deliveryLogFiltersFromSearchParams,
  searchParamsFromDeliveryLogFilters,
  type DeliveryLogFilters,
} from '../delivery-log/delivery-log-filters';

/** The log's filters live in the URL: an administrator can share the view of the dead letters. */
export function useDeliveryLogFilters() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => deliveryLogFiltersFromSearchParams(params), [params]);
  const update = useCallback(
    (change: Partial<DeliveryLogFilters>) =>
      setParams(searchParamsFromDeliveryLogFilters({ ...filters, ...change })),
    [filters, setParams],
  );
  return { filters, update };
}
