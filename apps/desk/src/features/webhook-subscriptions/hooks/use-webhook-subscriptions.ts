import { webhookSubscriptionListSchema } from '@fieldstream/api-contract';
import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../auth/hooks/use-api';
import { webhookPaths } from '../api/webhook-paths';
import { webhookKeys } from '../api/webhook-query-keys';

/** How often the screens read deliveries again: they move with every event, not with a record's change. */
export const WEBHOOK_REFRESH_MS = 3_000;

/** Every subscription the user may see, with where its deliveries stand; kept current while shown. */
export function useWebhookSubscriptions() {
  const api = useApi();
  return useQuery({
    queryKey: webhookKeys.list(),
    queryFn: ({ signal }) => api(webhookPaths.list(), { signal, schema: webhookSubscriptionListSchema }),
    refetchInterval: WEBHOOK_REFRESH_MS,
  });
}
