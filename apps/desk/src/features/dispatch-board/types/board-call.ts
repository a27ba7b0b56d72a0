import type { AssignBody, RescheduleBody } from '@fieldstream/api-contract';

/** One command of a board gesture, on the request's sub-resource `assignments`. */
export type BoardStep =
  | { kind: 'assign'; body: AssignBody }
  | { kind: 'reschedule'; technicianCode: string; body: RescheduleBody }
  | { kind: 'unassign'; technicianCode: string; reason: string };

/**
 * What one drop, drag or confirmation sends: the steps run in order on one request, the first with
 * the revision the dispatcher saw, each next one with the revision the previous answered.
 */
export interface BoardCall {
  requestId: string;
  version: number;
  steps: BoardStep[];
}
