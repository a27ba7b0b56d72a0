import { type CalendarFeedWithUrl, calendarFeedWithUrlSchema } from '@fieldstream/api-contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../auth/hooks/use-api';
import { calendarFeedDeskPaths } from '../api/calendar-feed-paths';
import { calendarFeedKeys } from '../api/calendar-feed-query-keys';

/** A new URL for a feed; the old one stops answering. */
export function useRegenerateCalendarFeed() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation<CalendarFeedWithUrl, Error, string>({
    mutationFn: (feedId) =>
      api(calendarFeedDeskPaths.regenerate(feedId), { method: 'POST', schema: calendarFeedWithUrlSchema }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: calendarFeedKeys.mine() }),
  });
}
