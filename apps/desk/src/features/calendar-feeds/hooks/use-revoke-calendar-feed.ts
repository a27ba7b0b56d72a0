import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../auth/hooks/use-api';
import { calendarFeedDeskPaths } from '../api/calendar-feed-paths';
import { calendarFeedKeys } from '../api/calendar-feed-query-keys';

/** Ends a feed: its URL answers 404 from now on. */
export function useRevokeCalendarFeed() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation<void, Error, string>({
    mutationFn: async (feedId) => {
      await api(calendarFeedDeskPaths.one(feedId), { method: 'DELETE' });
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: calendarFeedKeys.mine() }),
  });
}
