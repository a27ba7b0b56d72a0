import { webhookEventTypesSchema } from '@fieldstream/api-contract';
import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../auth/hooks/use-api';
import { webhookPaths } from '../api/webhook-paths';
import { webhookKeys } from '../api/webhook-query-keys';

/** The published catalogue, for the type picker: it changes with releases only. */
export function useWebhookEventTypes(enabled = true) {
  const api = useApi();
  return useQuery({
    queryKey: webhookKeys.eventTypes(),
    queryFn: ({ signal }) => api(webhookPaths.eventTypes(), { signal, schema: webhookEventTypesSchema }),
    staleTime: Infinity,
    enabled,
  });
}
