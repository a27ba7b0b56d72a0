import { notificationWebhookAnswerSchema } from '@fieldstream/api-contract';
import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../auth/hooks/use-api';
import { notificationPaths } from '../api/notification-paths';
import { notificationKeys } from '../api/notification-query-keys';

/** The signed-in user's own webhook, `null` until they set one. */
export function useNotificationWebhook() {
  const api = useApi();
  return useQuery({
    queryKey: notificationKeys.webhook(),
    queryFn: ({ signal }) =>
      api(notificationPaths.webhook(), { signal, schema: notificationWebhookAnswerSchema }),
  });
}
