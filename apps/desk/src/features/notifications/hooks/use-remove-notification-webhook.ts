import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../auth/hooks/use-api';
import { notificationPaths } from '../api/notification-paths';
import { notificationKeys } from '../api/notification-query-keys';

/** Stops the webhook; setting one again later makes a new secret. */
export function useRemoveNotificationWebhook() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation<unknown, Error, void>({
    mutationFn: () => api(notificationPaths.webhook(), { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationKeys.webhook() }),
  });
}
