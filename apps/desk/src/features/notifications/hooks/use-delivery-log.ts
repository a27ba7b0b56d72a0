import { deliveryLogPageSchema } from '@fieldstream/api-contract';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useApi } from '../../auth/hooks/use-api';
import { notificationPaths } from '../api/notification-paths';
import { notificationKeys } from '../api/notification-query-keys';
import {
  searchParamsFromDeliveryLogFilters,
  type DeliveryLogFilters,
} from '../delivery-log/delivery-log-filters';

const PAGE_SIZE = 100;

/** The delivery log, newest first, a page at a time; the live notice `notification-deliveries` refetches it. */
export function useDeliveryLog(filters: DeliveryLogFilters) {
  const api = useApi();
  return useInfiniteQuery({
    queryKey: notificationKeys.deliveryLog(filters),
    queryFn: ({ pageParam, signal }) => {
      const query = searchParamsFromDeliveryLogFilters(filters);
      query.set('limit', String(PAGE_SIZE));
      if (pageParam) query.set('before', pageParam);
      return api(notificationPaths.deliveries(query), { signal, schema: deliveryLogPageSchema });
    },
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextBefore,
  });
}
