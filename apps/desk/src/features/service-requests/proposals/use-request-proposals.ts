import {
  dispatchPaths,
  proposalAnswerSchema,
  type ProposalAnswer,
  type RequestProposalQuery,
} from '@fieldstream/api-contract';
import { useQuery } from '@tanstack/react-query';
import { apiPathOf } from '../../../shared/api/api-path-of';
import { useApi } from '../../auth/hooks/use-api';
import { proposalKeys } from './proposal-query-keys';

/** The query string of a proposals question: only what was asked, in a stable order. */
function searchOf(query: RequestProposalQuery): URLSearchParams {
  const search = new URLSearchParams();
  if (query.notBefore !== undefined) search.set('notBefore', query.notBefore);
  if (query.horizonDays !== undefined) search.set('horizonDays', String(query.horizonDays));
  if (query.durationMinutes !== undefined) search.set('durationMinutes', String(query.durationMinutes));
  return search;
}

/**
 * Who can do a request, when and why: proposed technicians first, best first, then the excluded
 * ones with their reasons. Refreshed by the live notices of `service-requests` and `agendas` (a
 * booking anywhere may move someone's earliest start).
 */
export function useRequestProposals(requestId: string, query: RequestProposalQuery = {}) {
  const api = useApi();
  const search = searchOf(query);
  return useQuery<ProposalAnswer>({
    queryKey: proposalKeys.request(requestId, search.toString()),
    queryFn: ({ signal }) =>
      api(apiPathOf(dispatchPaths.requestProposals(requestId), search), {
        signal,
        schema: proposalAnswerSchema,
      }),
  });
}
