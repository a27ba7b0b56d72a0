import {
  type WebhookSubscriptionBody,
  type WebhookSubscriptionView,
  webhookSubscriptionSchema,
} from '@fieldstream/api-contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../auth/hooks/use-api';
import { webhookPaths } from '../api/webhook-paths';
import { webhookKeys } from '../api/webhook-query-keys';

export interface SaveWebhook {
  /** Absent: a new subscription. */
  id?: string;
  /** The version edited, sent as If-Match: a subscription changed meanwhile is a conflict, not overwritten. */
  version?: number;
  body: WebhookSubscriptionBody;
}

/** Makes a subscription (the answer has its secret too) or changes one, whole. */
export function useSaveWebhookSubscription() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation<WebhookSubscriptionView, Error, SaveWebhook>({
    mutationFn: ({ id, version, body }) =>
      id
        ? api(webhookPaths.one(id), {
            method: 'PUT',
            body,
            schema: webhookSubscriptionSchema,
            ...(version !== undefined && { headers: { 'If-Match': `"${version}"` } }),
          })
        : api(webhookPaths.list(), { method: 'POST', body, schema: webhookSubscriptionSchema }),
    onSuccess: (saved) => {
      queryClient.setQueryData(webhookKeys.one(saved.id), saved);
      return queryClient.invalidateQueries({ queryKey: webhookKeys.list() });
    },
  });
}
