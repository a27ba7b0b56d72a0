import {
  assignmentImpactSchema,
  dispatchPaths,
  type AssignBody,
  type AssignmentImpact,
} from '@fieldstream/api-contract';
import { useQuery } from '@tanstack/react-query';
import { apiPathOf } from '../../../shared/api/api-path-of';
import { useApi } from '../../auth/hooks/use-api';
import { impactKeys } from './impact-query-keys';

/**
 * What an emergency assignment would push aside, asked before it is confirmed: the same body the
 * assignment would send, posted to the impact preview (which writes nothing). Asked only with a
 * body (`null`: no emergency, or rows not complete).
 */
export function useAssignmentImpact(requestId: string, body: AssignBody | null) {
  const api = useApi();
  return useQuery<AssignmentImpact>({
    queryKey: impactKeys.assignment(requestId, body),
    queryFn: ({ signal }) =>
      api(apiPathOf(dispatchPaths.assignmentImpact(requestId)), {
        method: 'POST',
        body,
        signal,
        schema: assignmentImpactSchema,
      }),
    enabled: body !== null,
  });
}
