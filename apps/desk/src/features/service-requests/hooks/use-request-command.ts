import { serviceRequestDetailSchema, type ServiceRequestDetail } from '@fieldstream/api-contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { IdempotencyKeyKeeper } from '../../../shared/api/idempotency-key-keeper';
import { isConflict } from '../../../shared/api/is-conflict';
import { agendaKeys } from '../../../shared/hooks/agenda-query-keys';
import { useApi } from '../../auth/hooks/use-api';
import type { CommandCall } from '../commands/command-call';
import { scheduleConflictOf } from '../commands/schedule-conflict-of';
import { serviceRequestKeys } from './service-request-query-keys';

export type VersionedCall = CommandCall & {
  /** The request's version the user decided on: sent as `If-Match`. */
  version: number;
};

/**
 * Sends one command on a request with `If-Match` and an `Idempotency-Key` (kept across a retry of
 * the same submission). The answer is the request as it now stands; lists, timelines and agendas
 * refresh. On a version conflict the request is reloaded, so the user checks and retries on it.
 */
export function useRequestCommand(requestId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  const keeper = useRef(new IdempotencyKeyKeeper());
  return useMutation<ServiceRequestDetail, Error, VersionedCall>({
    mutationFn: ({ method, path, body, version }) =>
      api(path, {
        method,
        ...(body === undefined ? {} : { body }),
        schema: serviceRequestDetailSchema,
        headers: {
          'If-Match': `"${version}"`,
          'Idempotency-Key': keeper.current.keyFor(JSON.stringify([method, path, body ?? null])),
        },
      }),
    onSuccess: async (detail) => {
      keeper.current.settle();
      // The answer is the request as the command left it: refetching it could bring back an older
      // read model. Lists and the timeline are refreshed.
      const answered = serviceRequestKeys.detail(requestId);
      queryClient.setQueryData(answered, detail);
      await Promise.all([
        queryClient.invalidateQueries({
          queryKey: serviceRequestKeys.all(),
          predicate: (query) => JSON.stringify(query.queryKey) !== JSON.stringify(answered),
        }),
        queryClient.invalidateQueries({ queryKey: agendaKeys.all() }),
      ]);
    },
    onError: async (error) => {
      keeper.current.settle(error);
      // A stale version, or a state that moved on (a 409 of the rules): what the user decided on
      // is not what the request is now, so show it as it is.
      if (isConflict(error) && !scheduleConflictOf(error))
        await queryClient.invalidateQueries({ queryKey: serviceRequestKeys.detail(requestId) });
    },
  });
}
