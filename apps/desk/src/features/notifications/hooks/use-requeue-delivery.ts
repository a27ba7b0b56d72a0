import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../auth/hooks/use-api';
import { notificationPaths } from '../api/notification-paths';
import { notificationKeys } from '../api/notification-query-keys';

/** Puts a dead letter back in the queue, its attempts counted afresh (administrators only). */
export function useRequeueDelivery() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation<unknown, Error, string>({
    mutationFn: (deliveryId) => api(notificationPaths.requeue(deliveryId), { method: 'POST' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationKeys.deliveries() }),
  });
}
