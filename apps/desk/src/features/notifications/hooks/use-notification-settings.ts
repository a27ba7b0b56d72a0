import { notificationSettingsSchema } from '@fieldstream/api-contract';
import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../auth/hooks/use-api';
import { notificationPaths } from '../api/notification-paths';
import { notificationKeys } from '../api/notification-query-keys';

/** The signed-in user's own contact details and switches. */
export function useNotificationSettings() {
  const api = useApi();
  return useQuery({
    queryKey: notificationKeys.settings(),
    queryFn: ({ signal }) =>
      api(notificationPaths.settings(), { signal, schema: notificationSettingsSchema }),
    // A form being edited must not be reset under the user by a refetch.
    staleTime: Infinity,
  });
}
