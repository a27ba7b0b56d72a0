import {
  type CalendarFeedWithUrl,
  type CreateCalendarFeedBody,
  calendarFeedWithUrlSchema,
} from '@fieldstream/api-contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../auth/hooks/use-api';
import { calendarFeedDeskPaths } from '../api/calendar-feed-paths';
import { calendarFeedKeys } from '../api/calendar-feed-query-keys';

/** Makes a feed; its URL is in this answer only. */
export function useCreateCalendarFeed() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation<CalendarFeedWithUrl, Error, CreateCalendarFeedBody>({
    mutationFn: (body) =>
      api(calendarFeedDeskPaths.mine(), { method: 'POST', body, schema: calendarFeedWithUrlSchema }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: calendarFeedKeys.mine() }),
  });
}
