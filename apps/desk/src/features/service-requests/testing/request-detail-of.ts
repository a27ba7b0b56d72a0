import type { ServiceRequestDetail } from '@fieldstream/api-contract';
import { requestSummaryOf } from './request-summary-of';

/** A request's detail as the API would answer it, with the fields a test cares about over it. */
export function requestDetailOf(id: string, over: Partial<ServiceRequestDetail> = {}): ServiceRequestDetail {
  return {
    ...requestSummaryOf(id),
    contact: { name: 'Paola Neri', phone: '+39 02 1234567' },
    followUpRequestIds: [],
    reopenedCount: 0,
    allowedCommands: [
      'attachCondition',
      'detachCondition',
      'recordRemoteCheck',
      'assign',
      'suspend',
      'cancel',
      'addNote',
    ],
    ...over,
  };
}
