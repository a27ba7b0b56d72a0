import { webhookSubscriptionSchema } from '@fieldstream/api-contract';
import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../auth/hooks/use-api';
import { webhookPaths } from '../api/webhook-paths';
import { webhookKeys } from '../api/webhook-query-keys';
import { WEBHOOK_REFRESH_MS } from './use-webhook-subscriptions';

/** One subscription and its delivery status, kept current while shown. */
export function useWebhookSubscription(id: string) {
  const api = useApi();
  return useQuery({
    queryKey: webhookKeys.one(id),
    queryFn: ({ signal }) => api(webhookPaths.one(id), { signal, schema: webhookSubscriptionSchema }),
    refetchInterval: WEBHOOK_REFRESH_MS,
  });
}
