import { serviceRequestKeys } from '../hooks/service-request-query-keys';

/**
 * Proposals live under `['service-requests']`: the live notices of both topics that change them
 * (`service-requests`, and `agendas`, which also invalidates `['service-requests']`) refresh them
 * without a mapping of their own.
 */
export const proposalKeys = {
  request: (requestId: string, queryString: string) =>
    [...serviceRequestKeys.all(), 'proposals', requestId, queryString] as const,
};
