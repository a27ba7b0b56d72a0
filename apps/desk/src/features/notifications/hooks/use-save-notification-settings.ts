import { notificationSettingsSchema, type NotificationSettings } from '@fieldstream/api-contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../auth/hooks/use-api';
import { notificationPaths } from '../api/notification-paths';
import { notificationKeys } from '../api/notification-query-keys';

/**
 * Saves the settings whole (`PUT`). The API's answer, when it returns the settings as stored
 * (normalised phone number), becomes what the form shows; otherwise they are read again.
 */
export function useSaveNotificationSettings() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation<NotificationSettings, Error, NotificationSettings>({
    mutationFn: async (settings) => {
      const answer = await api(notificationPaths.settings(), { method: 'PUT', body: settings });
      const stored = notificationSettingsSchema.safeParse(answer);
      if (stored.success) return stored.data;
      return queryClient.fetchQuery({
        queryKey: notificationKeys.settings(),
        queryFn: ({ signal }) =>
          api(notificationPaths.settings(), { signal, schema: notificationSettingsSchema }),
        staleTime: 0,
      });
    },
    onSuccess: (stored) => queryClient.setQueryData(notificationKeys.settings(), stored),
  });
}
