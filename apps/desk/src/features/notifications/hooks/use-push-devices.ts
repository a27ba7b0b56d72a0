import { pushDevicesSchema } from '@fieldstream/api-contract';
import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../auth/hooks/use-api';
import { notificationPaths } from '../api/notification-paths';
import { notificationKeys } from '../api/notification-query-keys';

/** The browsers that receive the signed-in user's push notifications, and the key to subscribe with. */
export function usePushDevices() {
  const api = useApi();
  return useQuery({
    queryKey: notificationKeys.pushDevices(),
    queryFn: ({ signal }) => api(notificationPaths.pushDevices(), { signal, schema: pushDevicesSchema }),
  });
}
