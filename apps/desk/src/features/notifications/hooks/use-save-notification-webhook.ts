import { notificationWebhookSchema, type NotificationWebhookView } from '@fieldstream/api-contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../auth/hooks/use-api';
import { notificationPaths } from '../api/notification-paths';
import { notificationKeys } from '../api/notification-query-keys';

/** Sets the webhook's URL; the server makes the secret the first time and keeps it afterwards. */
export function useSaveNotificationWebhook() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation<NotificationWebhookView, Error, { url: string }>({
    mutationFn: (body) =>
      api(notificationPaths.webhook(), { method: 'PUT', body, schema: notificationWebhookSchema }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationKeys.webhook() }),
  });
}
