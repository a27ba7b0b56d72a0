import type {
  acceptBodySchema,
  assignBodySchema,
  closeBodySchema,
  conditionBodySchema,
  conditionFoundBodySchema,
  followUpBodySchema,
  noteBodySchema,
  openServiceRequestBodySchema,
  optionalReasonBodySchema,
  reasonBodySchema,
  rejectBodySchema,
  remoteCheckBodySchema,
  renounceBodySchema,
  reopenBodySchema,
  rescheduleBodySchema,
  setOutBodySchema,
  suspendBodySchema,
  technicianActionBodySchema,
} from '@fieldstream/api-contract';
import type { z } from 'zod';

/** An opening, as validated at the edge (defaults applied). */
export type OpenServiceRequestInput = z.output<typeof openServiceRequestBodySchema>;

/**
 * Everything that can be done to an existing request, as the API hands it to the application:
 * the validated body of the route, tagged with what it is. The application turns each into
 * decider commands on the request's stream and, where time is involved, on the technicians'
 * schedule streams.
 */
export type ServiceRequestAction =
  | ({ type: 'accept' } & z.output<typeof acceptBodySchema>)
  | ({ type: 'reject' } & z.output<typeof rejectBodySchema>)
  | ({ type: 'attachCondition' } & z.output<typeof conditionBodySchema>)
  | ({ type: 'detachCondition' } & z.output<typeof conditionBodySchema>)
  | ({ type: 'recordRemoteCheck' } & z.output<typeof remoteCheckBodySchema>)
  | ({ type: 'assign' } & z.output<typeof assignBodySchema>)
  | ({ type: 'reschedule'; technicianCode: string } & z.output<typeof rescheduleBodySchema>)
  | ({ type: 'unassign'; technicianCode: string } & z.output<typeof optionalReasonBodySchema>)
  | ({ type: 'suspend' } & z.output<typeof suspendBodySchema>)
  | { type: 'resume' }
  | ({ type: 'cancel' } & z.output<typeof reasonBodySchema>)
  | ({ type: 'renounce' } & z.output<typeof renounceBodySchema>)
  | ({ type: 'setOut' } & z.output<typeof setOutBodySchema>)
  | ({ type: 'startWork' } & z.output<typeof technicianActionBodySchema>)
  | ({ type: 'addConditionFound' } & z.output<typeof conditionFoundBodySchema>)
  | ({ type: 'addNote' } & z.output<typeof noteBodySchema>)
  | ({ type: 'openFollowUp' } & z.output<typeof followUpBodySchema>)
  | ({ type: 'close' } & z.output<typeof closeBodySchema>)
  | ({ type: 'reopen' } & z.output<typeof reopenBodySchema>);

export type ServiceRequestActionType = ServiceRequestAction['type'];

/** What a command answers: where the request stands, and the position to wait for in read models. */
export interface ServiceRequestCommandResult {
  requestId: string;
  /** Events in the request's stream after the command (the next If-Match). */
  version: number;
  /** The last global position written by the command (request or schedules); absent if nothing was written. */
  position?: number;
  /**
   * The read models the command's writes feed, each with the position it must reach before a
   * reader sees the command (present whenever `position` is).
   */
  readModels?: { projection: string; position: number }[];
  /** True for `open` when a new request was opened (201), false when an earlier one was found (200). */
  created?: boolean;
  /** A follow-up opened by `openFollowUp`. */
  followUpRequestId?: string;
}
