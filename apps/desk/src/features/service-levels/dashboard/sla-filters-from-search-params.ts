import { SERVICE_REQUEST_PRIORITY_VALUES, type ServiceRequestPriorityValue } from '@fieldstream/api-contract';
import type { SlaDashboardFilters } from '../types/sla-dashboard-filters';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

const isPriority = (value: string | null): value is ServiceRequestPriorityValue =>
  value !== null && (SERVICE_REQUEST_PRIORITY_VALUES as readonly string[]).includes(value);

const day = (value: string | null) => (value !== null && ISO_DAY.test(value) ? value : null);

/** The filters a link carries; what a hand-edited URL gets wrong is dropped, not sent. */
export function slaFiltersFromSearchParams(params: URLSearchParams): SlaDashboardFilters {
  const priority = params.get('priority');
  return {
    unitCode: params.get('unitCode') || null,
    zoneCode: params.get('zoneCode') || null,
    priority: isPriority(priority) ? priority : null,
    from: day(params.get('from')),
    to: day(params.get('to')),
  };
}

/** The filters as a query string, for the URL and for the API alike (empty ones left out). */
export function searchParamsFromSlaFilters(filters: SlaDashboardFilters): URLSearchParams {
  const search = new URLSearchParams();
  for (const name of ['unitCode', 'zoneCode', 'priority', 'from', 'to'] as const) {
    const value = filters[name];
    if (value) search.set(name, value);
  }
  return search;
}
