import type { AssignBody } from '@fieldstream/api-contract';
import { serviceRequestKeys } from '../hooks/service-request-query-keys';

/**
 * The impact preview lives under `['service-requests']`: a booking or a displacement anywhere (live
 * notices of `service-requests` and `agendas`) refreshes it. The body is in the key: another slot,
 * technician or action is another question.
 */
export const impactKeys = {
  assignment: (requestId: string, body: AssignBody | null) =>
    [...serviceRequestKeys.all(), 'assignment-impact', requestId, body] as const,
};
