import {
  SERVICE_REQUEST_PRIORITY_VALUES,
  SERVICE_REQUEST_SOURCE_VALUES,
  SERVICE_REQUEST_STATUS_VALUES,
} from '@fieldstream/api-contract';
import { REQUEST_SORTS, type RequestListFilters, type RequestSort } from '../types/request-list-filters';
import { ACTIVE_STATUSES } from './active-statuses';

const oneOf = <T extends string>(allowed: readonly T[], value: string | null): T | null =>
  value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : null;

const allOf = <T extends string>(allowed: readonly T[], values: string[]): T[] =>
  allowed.filter((value) => values.includes(value));

const text = (value: string | null) => (value && value.trim() ? value.trim() : null);

/**
 * Reads the to-do list's filters from the URL. A link someone pasted may be old or edited by hand,
 * so unknown values are dropped rather than sent to the API. No `status` means the active ones;
 * `status=all` means every status.
 */
export function filtersFromSearchParams(params: URLSearchParams): RequestListFilters {
  const statuses = params.getAll('status');
  const page = Number(params.get('page'));
  return {
    statuses: statuses.length === 0 ? [...ACTIVE_STATUSES] : allOf(SERVICE_REQUEST_STATUS_VALUES, statuses),
    priorities: allOf(SERVICE_REQUEST_PRIORITY_VALUES, params.getAll('priority')),
    zoneCode: text(params.get('zoneCode')),
    unitCode: text(params.get('unitCode')),
    source: oneOf(SERVICE_REQUEST_SOURCE_VALUES, params.get('source')),
    q: params.get('q') ?? '',
    sort: oneOf<RequestSort>(REQUEST_SORTS, params.get('sort')) ?? 'priority',
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };
}
