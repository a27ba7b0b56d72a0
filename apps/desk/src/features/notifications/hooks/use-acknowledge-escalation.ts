import { requestEscalationSchema } from '@fieldstream/api-contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../auth/hooks/use-api';
import { notificationPaths } from '../api/notification-paths';
import { notificationKeys } from '../api/notification-query-keys';

/**
 * Acknowledges a request's escalation: every level alerted and not yet acknowledged, with an
 * optional note. The API answers the escalation as it stands after, shown at once; it and the inbox
 * (whose alerts say whether someone acknowledged) are read again.
 */
export function useAcknowledgeEscalation() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation<unknown, Error, { requestId: string; note: string }>({
    mutationFn: ({ requestId, note }) =>
      api(notificationPaths.acknowledge(requestId), {
        method: 'POST',
        body: note.trim() ? { note: note.trim() } : {},
      }),
    onSuccess: (answer, { requestId }) => {
      const escalation = requestEscalationSchema.safeParse(answer);
      if (escalation.success)
        queryClient.setQueryData(notificationKeys.escalation(requestId), escalation.data);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: notificationKeys.escalation(requestId) }),
        queryClient.invalidateQueries({ queryKey: notificationKeys.inbox() }),
      ]);
    },
  });
}
