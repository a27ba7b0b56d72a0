import type { InterventionSheet, ServiceRequestDetail } from '@fieldstream/api-contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { NetworkError } from '../../../shared/api/network-error';
import { useApi } from '../../auth/hooks/use-api';
import { newIdempotencyKey } from '../api/new-idempotency-key';
import { isConflict } from '../sheet/is-conflict';
import type { RequestCommand } from '../types/request-command';
import { technicianKeys } from './technician-query-keys';

function looksLikeRequest(answer: unknown): answer is ServiceRequestDetail {
  const record = answer as { version?: unknown; status?: unknown } | null | undefined;
  return typeof record?.version === 'number' && typeof record.status === 'string';
}

/**
 * Sends a command on a request with `If-Match` (the version the user saw) and an
 * `Idempotency-Key`. The key is new for each submission, but a submission resent unchanged after
 * a network error (the answer was lost, not necessarily the command) reuses it, so the server
 * applies it at most once. A 409 means someone else changed the request: the sheet reloads and
 * the form says so. Commands are never queued behind the user's back while offline.
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
  const lastAttempt = useRef<{ fingerprint: string; key: string } | null>(null);
  return useMutation<unknown, Error, RequestCommand>({
    networkMode: 'always',
    mutationFn: async (command) => {
      const fingerprint = JSON.stringify([command.path, command.version, command.body]);
      const previous = lastAttempt.current;
      const key = previous?.fingerprint === fingerprint ? previous.key : newIdempotencyKey();
      lastAttempt.current = { fingerprint, key };
      try {
        const answer = await api<unknown>(command.path, {
          method: 'POST',
          body: command.body,
          headers: { 'If-Match': `"${command.version}"`, 'Idempotency-Key': key },
        });
        lastAttempt.current = null;
        return answer;
      } catch (error) {
        if (!(error instanceof NetworkError)) lastAttempt.current = null;
        throw error;
      }
    },
    onSuccess: async (answer) => {
      if (leave) {
        // Stop a reload already under way (a live notice may have started one), go, then forget.
        await queryClient.cancelQueries({ queryKey: technicianKeys.request(requestId) });
        leave();
        queryClient.removeQueries({ queryKey: technicianKeys.request(requestId) });
        await queryClient.invalidateQueries({ queryKey: technicianKeys.agendas() });
        return;
      }
      // The answer is the request as it now stands: show it (and its version) before the refetch.
      if (looksLikeRequest(answer)) {
        queryClient.setQueryData<InterventionSheet>(technicianKeys.sheet(requestId), (sheet) =>
          sheet ? { ...sheet, request: { ...sheet.request, ...answer } } : sheet,
        );
      }
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: technicianKeys.request(requestId) }),
        queryClient.invalidateQueries({ queryKey: technicianKeys.agendas() }),
      ]);
    },
    onError: async (error) => {
      if (isConflict(error))
        await queryClient.invalidateQueries({ queryKey: technicianKeys.request(requestId) });
    },
  });
}
