import {
  serviceRequestDetailSchema,
  serviceRequestPaths,
  type OpenServiceRequestBody,
  type ServiceRequestDetail,
} from '@fieldstream/api-contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { apiPathOf } from '../../../shared/api/api-path-of';
import { IdempotencyKeyKeeper } from '../../../shared/api/idempotency-key-keeper';
import { useApi } from '../../auth/hooks/use-api';
import { serviceRequestKeys } from './service-request-query-keys';

/**
 * Opens a request. The `Idempotency-Key` is kept while the same form is sent again after an
 * unknown outcome (a dropped connection), so a double submit never opens two requests.
 */
export function useOpenServiceRequest() {
  const api = useApi();
  const queryClient = useQueryClient();
  const keeper = useRef(new IdempotencyKeyKeeper());
  return useMutation<ServiceRequestDetail, Error, OpenServiceRequestBody>({
    mutationFn: (body) =>
      api(apiPathOf(serviceRequestPaths.collection()), {
        method: 'POST',
        body,
        schema: serviceRequestDetailSchema,
        headers: { 'Idempotency-Key': keeper.current.keyFor(JSON.stringify(body)) },
      }),
    onSuccess: async (detail) => {
      keeper.current.settle();
      queryClient.setQueryData(serviceRequestKeys.detail(detail.id), detail);
      await queryClient.invalidateQueries({ queryKey: serviceRequestKeys.all() });
    },
    onError: (error) => keeper.current.settle(error),
  });
}
