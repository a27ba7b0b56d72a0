import { serviceRequestKeys } from '../hooks/service-request-query-keys';

/**
 * Proposals live under `['service-requests']`: the live notices of both topics that change them
 * (`service-requests`, and `agendas`, which also invalidates `['service-requests']`) refresh them
 * without a mapping of their own.
 */
export const proposalKeys = {
  request: (requestId: string, queryString: string) =>
    [...serviceRequestKeys.all(), 'proposals', requestId, queryString] as const,
  /** A what-if, by what was asked: a booking anywhere refreshes it like a request's. */
  whatIf: (asked: unknown) => [...serviceRequestKeys.all(), 'proposals', 'what-if', asked] as const,
};
