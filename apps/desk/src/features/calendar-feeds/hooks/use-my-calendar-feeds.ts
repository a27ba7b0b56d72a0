import { calendarFeedListSchema } from '@fieldstream/api-contract';
import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../auth/hooks/use-api';
import { calendarFeedDeskPaths } from '../api/calendar-feed-paths';
import { calendarFeedKeys } from '../api/calendar-feed-query-keys';

/** The signed-in user's feeds, read while the dialog is open (their "last fetched" moves on). */
export function useMyCalendarFeeds(enabled: boolean) {
  const api = useApi();
  return useQuery({
    queryKey: calendarFeedKeys.mine(),
    queryFn: ({ signal }) => api(calendarFeedDeskPaths.mine(), { signal, schema: calendarFeedListSchema }),
    enabled,
    // Read afresh at each opening, and every half minute while open: "last fetched" is news.
    staleTime: 0,
    refetchInterval: enabled ? 30_000 : false,
  });
}
