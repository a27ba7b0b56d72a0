import { type WebhookAttemptOutcome, webhookDeliveryPageSchema } from '@fieldstream/api-contract';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useApi } from '../../auth/hooks/use-api';
import { webhookPaths } from '../api/webhook-paths';
import { webhookKeys } from '../api/webhook-query-keys';
import { WEBHOOK_REFRESH_MS } from './use-webhook-subscriptions';

const PAGE_SIZE = 50;

/** A subscription's delivery log, newest first, a page at a time; read again every few seconds. */
export function useWebhookDeliveries(id: string, outcome: WebhookAttemptOutcome | null) {
  const api = useApi();
  return useInfiniteQuery({
    queryKey: webhookKeys.deliveries(id, outcome),
    queryFn: ({ pageParam, signal }) => {
      const query = new URLSearchParams({ limit: String(PAGE_SIZE) });
      if (outcome) query.set('outcome', outcome);
      if (pageParam) query.set('before', pageParam);
      return api(webhookPaths.deliveries(id, query), { signal, schema: webhookDeliveryPageSchema });
    },
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.next ?? undefined,
    refetchInterval: WEBHOOK_REFRESH_MS,
  });
}
