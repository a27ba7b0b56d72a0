import { requestEscalationSchema } from '@fieldstream/api-contract';
import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../auth/hooks/use-api';
import { notificationPaths } from '../api/notification-paths';
import { notificationKeys } from '../api/notification-query-keys';

/** A request's escalation: the levels raised, who was alerted, who acknowledged. */
export function useRequestEscalation(requestId: string) {
  const api = useApi();
  return useQuery({
    queryKey: notificationKeys.escalation(requestId),
    queryFn: ({ signal }) =>
      api(notificationPaths.escalation(requestId), { signal, schema: requestEscalationSchema }),
  });
}
