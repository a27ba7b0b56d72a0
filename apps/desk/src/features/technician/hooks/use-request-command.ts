import {
  serviceRequestDetailSchema,
  type InterventionSheet,
  type ServiceRequestDetail,
} from '@fieldstream/api-contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { IdempotencyKeyKeeper } from '../../../shared/api/idempotency-key-keeper';
import { isConflict } from '../../../shared/api/is-conflict';
import { agendaKeys } from '../../../shared/hooks/agenda-query-keys';
import { useApi } from '../../auth/hooks/use-api';
import type { RequestCommand } from '../types/request-command';
import { technicianKeys } from './technician-query-keys';

/**
 * Sends a command on a request with `If-Match` (the version the user saw) and an
 * `Idempotency-Key`. The key is new for each submission, but a submission resent unchanged after
 * an answer that left the outcome unknown (a network error or a 5xx: the answer was lost, not
 * necessarily the command) reuses it, so the server applies it at most once. A 409 (or 412) means
 * someone else changed the request: the sheet reloads and the form says so. Commands are never queued behind the user's back while offline.
 *
 * `leave` is for a command that gives the job away (renounce): the request is no longer the
 * viewer's, so its sheet is neither updated nor reloaded (it would answer 404); `leave` takes the
 * viewer elsewhere and the sheet is forgotten. It runs from the mutation's own `onSuccess`, which
 * TanStack Query runs even when the dialog that sent the command has already unmounted (per-`mutate`
 * callbacks are skipped then).
 */
export function useRequestCommand(requestId: string, { leave }: { leave?: () => void } = {}) {
  const api = useApi();
  const queryClient = useQueryClient();
  const keeper = useRef(new IdempotencyKeyKeeper());
  return useMutation<ServiceRequestDetail, Error, RequestCommand>({
    networkMode: 'always',
    mutationFn: (command) =>
      api(command.path, {
        method: 'POST',
        body: command.body,
        schema: serviceRequestDetailSchema,
        headers: {
          'If-Match': `"${command.version}"`,
          'Idempotency-Key': keeper.current.keyFor(
            JSON.stringify([command.path, command.version, command.body]),
          ),
        },
      }),
    onSuccess: async (answer) => {
      keeper.current.settle();
      if (leave) {
        // Stop a reload already under way (a live notice may have started one), go, then forget.
        await queryClient.cancelQueries({ queryKey: technicianKeys.request(requestId) });
        leave();
        queryClient.removeQueries({ queryKey: technicianKeys.request(requestId) });
        await queryClient.invalidateQueries({ queryKey: agendaKeys.all() });
        return;
      }
      // The answer is the request as it now stands: show it (and its version) before the refetch.
      queryClient.setQueryData<InterventionSheet>(technicianKeys.sheet(requestId), (sheet) =>
        sheet ? { ...sheet, request: { ...sheet.request, ...answer } } : sheet,
      );
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: technicianKeys.request(requestId) }),
        queryClient.invalidateQueries({ queryKey: agendaKeys.all() }),
      ]);
    },
    onError: async (error) => {
      keeper.current.settle(error);
      if (isConflict(error))
        await queryClient.invalidateQueries({ queryKey: technicianKeys.request(requestId) });
    },
  });
}
