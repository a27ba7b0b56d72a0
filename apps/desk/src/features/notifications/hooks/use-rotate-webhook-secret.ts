import { notificationWebhookSchema, type NotificationWebhookView } from '@fieldstream/api-contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../auth/hooks/use-api';
import { notificationPaths } from '../api/notification-paths';
import { notificationKeys } from '../api/notification-query-keys';

/** Has the server make a new signing secret; the old one stops being used. */
export function useRotateWebhookSecret() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation<NotificationWebhookView, Error, void>({
    mutationFn: () =>
      api(notificationPaths.rotateWebhookSecret(), { method: 'POST', schema: notificationWebhookSchema }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationKeys.webhook() }),
  });
}
