import { apiRequest } from '../../../shared/api/api-request';
import type { AvailabilityResponse } from '../types/availability';

export interface AvailabilityQuery {
  technician: string | null;
  site: string | null;
  from: string;
  to: string;
}

export function fetchAvailability(
  query: AvailabilityQuery,
  token: string | undefined,
  signal?: AbortSignal,
): Promise<AvailabilityResponse> {
  const params = new URLSearchParams();
  if (query.technician) params.set('technician', query.technician);
  if (query.site) params.set('site', query.site);
  params.set('from', query.from);
  params.set('to', query.to);
  return apiRequest(`/api/availability?${params.toString()}`, {
    ...(token ? { token } : {}),
    ...(signal ? { signal } : {}),
  });
}
