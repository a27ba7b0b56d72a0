import { portalRequestDetailSchema } from '@fieldstream/api-contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { IdempotencyKeyKeeper } from '../../../shared/api/idempotency-key-keeper';
import { useApi } from '../../auth/hooks/use-api';
import { portalApiPaths } from '../api/portal-api-path';
import { portalKeys } from './portal-query-keys';

/** The customer's comment on their request; the answer is the request with it. */
export function useAddComment(requestId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  const keeper = useRef(new IdempotencyKeyKeeper());
  return useMutation({
    mutationFn: async (text: string) => {
      try {
        const answer = await api(portalApiPaths.comments(requestId), {
          method: 'POST',
          body: { text },
          headers: { 'Idempotency-Key': keeper.current.keyFor(text) },
          schema: portalRequestDetailSchema,
        });
        keeper.current.settle();
        return answer;
      } catch (error) {
        keeper.current.settle(error);
        throw error;
      }
    },
    onSuccess: (request) => queryClient.setQueryData(portalKeys.request(requestId), request),
  });
}
