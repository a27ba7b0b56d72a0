import { INBOX_PAGE_SIZE, inboxPageSchema } from '@fieldstream/api-contract';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useApi } from '../../auth/hooks/use-api';
import { notificationPaths } from '../api/notification-paths';
import { notificationKeys } from '../api/notification-query-keys';

/**
 * The signed-in user's inbox, newest first, a page at a time: each next page starts before the
 * last one's oldest (`nextBefore`). A refetch (a live notice, a reconnect) reads the pages again
 * from the newest, so what arrived meanwhile comes in on top.
 */
export function useInbox(unreadOnly: boolean) {
  const api = useApi();
  return useInfiniteQuery({
    queryKey: notificationKeys.inboxList(unreadOnly),
    queryFn: ({ pageParam, signal }) => {
      const query = new URLSearchParams({ limit: String(INBOX_PAGE_SIZE) });
      if (unreadOnly) query.set('unread', 'true');
      if (pageParam) query.set('before', pageParam);
      return api(notificationPaths.inbox(query), { signal, schema: inboxPageSchema });
    },
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextBefore,
  });
}
