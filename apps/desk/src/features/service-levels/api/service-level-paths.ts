import { apiPathOf } from '../../../shared/api/api-path-of';

const id = encodeURIComponent;

/**
 * The service-level resources (`sla-contract.ts` describes their answers), under `/api`: one
 * request's clocks and the manager's dashboard.
 */
export const serviceLevelPaths = {
  request: (requestId: string) => apiPathOf(`/service-requests/${id(requestId)}/service-level`),
  dashboard: (query: URLSearchParams) => apiPathOf('/service-levels/dashboard', query),
};
