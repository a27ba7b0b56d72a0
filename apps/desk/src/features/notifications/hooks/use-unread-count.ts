import { inboxPageSchema } from '@fieldstream/api-contract';
import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../auth/hooks/use-api';
import { useSession } from '../../auth/hooks/use-session';
import { notificationPaths } from '../api/notification-paths';
import { notificationKeys } from '../api/notification-query-keys';

const ONE_UNREAD = new URLSearchParams({ unread: 'true', limit: '1' });

/**
 * How many notifications the signed-in user has not read, for the bell: the smallest page of the
 * inbox carries the count. The live notice `inbox/<userId>` refetches it, and so does reconnecting
 * the live feed (whatever arrived meanwhile is in the inbox, which keeps everything).
 */
export function useUnreadCount() {
  const api = useApi();
  const { session } = useSession();
  return useQuery({
    queryKey: notificationKeys.unreadCount(),
    queryFn: async ({ signal }) =>
      (await api(notificationPaths.inbox(ONE_UNREAD), { signal, schema: inboxPageSchema })).unreadCount,
    enabled: session !== null,
    // Should the live feed be cut off somewhere on the way (a proxy), the count still catches up.
    refetchInterval: 5 * 60_000,
  });
}
