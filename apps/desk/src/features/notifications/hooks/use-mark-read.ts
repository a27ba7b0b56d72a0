import type { InboxPage } from '@fieldstream/api-contract';
import { useMutation, useQueryClient, type InfiniteData, type QueryClient } from '@tanstack/react-query';
import { useApi } from '../../auth/hooks/use-api';
import { notificationPaths } from '../api/notification-paths';
import { notificationKeys } from '../api/notification-query-keys';

/** Some notifications by id, or all of them. */
export type MarkReadTarget = { notificationIds: string[] } | { all: true };

/**
 * Shows them read at once, before the API answers: the inbox lists and the bell's count. The
 * refetch after the answer puts the server's word back either way.
 */
function markReadInCache(queryClient: QueryClient, target: MarkReadTarget, at: string) {
  const ids = 'all' in target ? null : new Set(target.notificationIds);
  let newlyRead = 0;
  queryClient.setQueriesData<InfiniteData<InboxPage>>(
    { queryKey: [...notificationKeys.inbox(), 'list'] },
    (data) =>
      data && {
        ...data,
        pages: data.pages.map((page) => ({
          ...page,
          notifications: page.notifications.map((notification) =>
            notification.readAt === null && (ids === null || ids.has(notification.notificationId))
              ? { ...notification, readAt: at }
              : notification,
          ),
        })),
      },
  );
  if (ids !== null) newlyRead = ids.size;
  queryClient.setQueryData<number>(notificationKeys.unreadCount(), (count) =>
    count === undefined ? count : ids === null ? 0 : Math.max(0, count - newlyRead),
  );
}

/** Marks notifications read (`POST /api/me/notifications/read`); two devices agree, as the API does. */
export function useMarkRead() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation<unknown, Error, MarkReadTarget>({
    mutationFn: (target) => api(notificationPaths.markRead(), { method: 'POST', body: target }),
    onMutate: async (target) => {
      await queryClient.cancelQueries({ queryKey: notificationKeys.inbox() });
      markReadInCache(queryClient, target, new Date().toISOString());
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationKeys.inbox() }),
  });
}
