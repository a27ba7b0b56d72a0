import {
  dispatchPaths,
  proposalAnswerSchema,
  type ProposalAnswer,
  type WhatIfProposalBody,
} from '@fieldstream/api-contract';
import { useQuery } from '@tanstack/react-query';
import { apiPathOf } from '../../../shared/api/api-path-of';
import { useApi } from '../../auth/hooks/use-api';
import { proposalKeys } from '../../service-requests/proposals/proposal-query-keys';

/**
 * Who could restore service for a job that is not a request yet (`POST /api/proposals`): asked
 * once the dispatcher submits, and kept fresh like a request's proposals while it is on screen.
 * A question, not a command: nothing is written, so it is a query keyed by what was asked.
 */
export function useWhatIfProposals(asked: WhatIfProposalBody | null) {
  const api = useApi();
  return useQuery<ProposalAnswer>({
    queryKey: proposalKeys.whatIf(asked),
    queryFn: ({ signal }) =>
      api(apiPathOf(dispatchPaths.whatIf), {
        method: 'POST',
        body: asked,
        signal,
        schema: proposalAnswerSchema,
      }),
    enabled: asked !== null,
  });
}
