import type { RequestListFilters } from '../types/request-list-filters';
import { ACTIVE_STATUSES } from './active-statuses';

const isDefaultStatuses = (statuses: readonly string[]) =>
  statuses.length === ACTIVE_STATUSES.length && ACTIVE_STATUSES.every((status) => statuses.includes(status));

/**
 * The filters as the URL keeps them: defaults left out, so the plain `/app/requests` link and the
 * list as first shown are the same page, and a shared link carries only what was chosen.
 */
export function searchParamsFromFilters(filters: RequestListFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.statuses.length === 0) params.set('status', 'all');
  else if (!isDefaultStatuses(filters.statuses))
    for (const status of filters.statuses) params.append('status', status);
  for (const priority of filters.priorities) params.append('priority', priority);
  if (filters.zoneCode) params.set('zoneCode', filters.zoneCode);
  if (filters.unitCode) params.set('unitCode', filters.unitCode);
  if (filters.source) params.set('source', filters.source);
  if (filters.q.trim()) params.set('q', filters.q.trim());
  if (filters.sort !== 'priority') params.set('sort', filters.sort);
  if (filters.page > 1) params.set('page', String(filters.page));
  return params;
}
