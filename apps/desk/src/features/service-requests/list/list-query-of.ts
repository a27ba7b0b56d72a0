import type { RequestListFilters } from '../types/request-list-filters';
import { PAGE_SIZE } from './page-size';

/**
 * The API's list query (`serviceRequestListQuerySchema`) for the filters: several statuses or
 * priorities as repeated parameters, paging as limit and offset.
 */
export function listQueryOf(filters: RequestListFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const status of filters.statuses) params.append('status', status);
  for (const priority of filters.priorities) params.append('priority', priority);
  if (filters.zoneCode) params.set('zoneCode', filters.zoneCode);
  if (filters.unitCode) params.set('unitCode', filters.unitCode);
  if (filters.source) params.set('source', filters.source);
  if (filters.q.trim()) params.set('q', filters.q.trim());
  params.set('sort', filters.sort);
  params.set('limit', String(PAGE_SIZE));
  params.set('offset', String((filters.page - 1) * PAGE_SIZE));
  return params;
}
