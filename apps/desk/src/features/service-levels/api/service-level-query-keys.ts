import type { SlaDashboardFilters } from '../types/sla-dashboard-filters';

/**
 * Everything under `['service-levels']`: the key the live notices of both `service-levels` (an
 * alarm, a pause, a breach projected) and `service-requests` (a request opened, moved, closed)
 * invalidate, so the dashboard and a request's clocks follow without a reload.
 */
export const serviceLevelKeys = {
  all: () => ['service-levels'] as const,
  dashboard: (filters: SlaDashboardFilters) =>
    [
      'service-levels',
      'dashboard',
      filters.unitCode,
      filters.zoneCode,
      filters.priority,
      filters.from,
      filters.to,
    ] as const,
  request: (requestId: string) => ['service-levels', 'request', requestId] as const,
};
