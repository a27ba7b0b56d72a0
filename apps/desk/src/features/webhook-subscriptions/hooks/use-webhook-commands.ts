import {
  type WebhookSecretView,
  type WebhookSubscriptionView,
  type WebhookSubscriptionWithSecret,
  type WebhookTestAnswer,
  webhookSecretSchema,
  webhookSubscriptionSchema,
  webhookSubscriptionWithSecretSchema,
  webhookTestAnswerSchema,
} from '@fieldstream/api-contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ZodType } from 'zod';
import { useApi } from '../../auth/hooks/use-api';
import { webhookPaths } from '../api/webhook-paths';
import { webhookKeys } from '../api/webhook-query-keys';

/**
 * What can be done to one subscription: pause, resume, replay, test, rotate and reveal its secret,
 * delete. Each refreshes what it changed; the secret is answered, never cached.
 */
export function useWebhookCommands(id: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  const refresh = async (view?: WebhookSubscriptionView) => {
    if (view) queryClient.setQueryData(webhookKeys.one(id), view);
    await queryClient.invalidateQueries({ queryKey: webhookKeys.all() });
  };
  const post = <T>(path: string, schema: ZodType<T>, body?: unknown) =>
    api<T>(path, { method: 'POST', schema, ...(body !== undefined && { body }) });
  return {
    pause: useMutation<WebhookSubscriptionView, Error, void>({
      mutationFn: () => post(webhookPaths.pause(id), webhookSubscriptionSchema),
      onSuccess: refresh,
    }),
    resume: useMutation<WebhookSubscriptionView, Error, void>({
      mutationFn: () => post(webhookPaths.resume(id), webhookSubscriptionSchema),
      onSuccess: refresh,
    }),
    replay: useMutation<WebhookSubscriptionView, Error, number>({
      mutationFn: (fromPosition) =>
        post(webhookPaths.replay(id), webhookSubscriptionSchema, { fromPosition }),
      onSuccess: refresh,
    }),
    test: useMutation<WebhookTestAnswer, Error, void>({
      mutationFn: () => post(webhookPaths.test(id), webhookTestAnswerSchema),
      onSuccess: () => refresh(),
    }),
    rotateSecret: useMutation<WebhookSubscriptionWithSecret, Error, { previousSecretValidMinutes: number }>({
      mutationFn: (body) => post(webhookPaths.rotateSecret(id), webhookSubscriptionWithSecretSchema, body),
      onSuccess: ({ secret: _secret, ...view }) => refresh(view),
    }),
    revealSecret: useMutation<WebhookSecretView, Error, void>({
      mutationFn: () => api(webhookPaths.secret(id), { schema: webhookSecretSchema }),
    }),
    remove: useMutation<void, Error, void>({
      mutationFn: async () => {
        await api(webhookPaths.one(id), { method: 'DELETE' });
      },
      onSuccess: async () => {
        queryClient.removeQueries({ queryKey: webhookKeys.one(id) });
        await queryClient.invalidateQueries({ queryKey: webhookKeys.list() });
      },
    }),
  };
}
