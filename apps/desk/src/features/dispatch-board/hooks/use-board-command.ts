import {
  serviceRequestDetailSchema,
  serviceRequestPaths,
  type ServiceRequestDetail,
} from '@fieldstream/api-contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { newIdempotencyKey } from '../../../shared/api/new-idempotency-key';
import { agendaKeys } from '../../../shared/hooks/agenda-query-keys';
import { useApi } from '../../auth/hooks/use-api';
import { serviceRequestKeys } from '../../service-requests/hooks/service-request-query-keys';
import type { BoardCall, BoardStep } from '../types/board-call';

function requestOf(
  requestId: string,
  step: BoardStep,
): { method: 'POST' | 'PUT' | 'DELETE'; path: string; body: unknown } {
  switch (step.kind) {
    case 'assign':
      return { method: 'POST', path: `/api${serviceRequestPaths.assignments(requestId)}`, body: step.body };
    case 'reschedule':
      return {
        method: 'PUT',
        path: `/api${serviceRequestPaths.assignment(requestId, step.technicianCode)}`,
        body: step.body,
      };
    case 'unassign':
      return {
        method: 'DELETE',
        path: `/api${serviceRequestPaths.assignment(requestId, step.technicianCode)}`,
        body: { reason: step.reason },
      };
  }
}

/** A step refused after earlier ones were applied: what was done stands, and the board says so. */
export class PartlyAppliedError extends Error {
  constructor(
    readonly applied: number,
    override readonly cause: unknown,
  ) {
    super('Only part of the change was applied');
  }
}

/**
 * Sends a board gesture: its commands in order on one request, each with `If-Match` (the version
 * seen, then the one each answer gives) and its own `Idempotency-Key`. Whatever happens, the board,
 * the agendas and the to-do list are refreshed, so the screen shows what the server holds.
 */
export function useBoardCommand() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation<ServiceRequestDetail, Error, BoardCall>({
    mutationFn: async ({ requestId, version, steps }) => {
      let current = version;
      let answer: ServiceRequestDetail | undefined;
      for (const [index, step] of steps.entries()) {
        const { method, path, body } = requestOf(requestId, step);
        try {
          answer = await api(path, {
            method,
            body,
            schema: serviceRequestDetailSchema,
            headers: { 'If-Match': `"${current}"`, 'Idempotency-Key': newIdempotencyKey() },
          });
        } catch (error) {
          if (index > 0) throw new PartlyAppliedError(index, error);
          throw error;
        }
        current = answer.version;
      }
      if (!answer) throw new Error('A board gesture sends at least one command');
      return answer;
    },
    onSettled: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: agendaKeys.all() }),
        queryClient.invalidateQueries({ queryKey: serviceRequestKeys.all() }),
      ]);
    },
  });
}
