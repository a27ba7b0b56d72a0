import type {
  DeviceSignalOnRequest,
  ServiceRequestActuals,
  ServiceRequestContact,
  ServiceRequestPriority,
  ServiceRequestSource,
} from './service-request-commands';
import type { ServiceRequestStatus } from './service-request-states';

/** A planned slot with its end worked out, so a reader (agenda, timeline) needs no arithmetic. */
export interface Assignment {
  technicianCode: string;
  /** The booking in the technician's schedule stream holding this slot. */
  appointmentId?: string;
  start: string;
  durationMinutes: number;
  end: string;
}

/** What was planned before the work: kept beside the actuals on closing. */
export interface ServiceRequestEstimate {
  labourMinutes: number;
  technicianCodes: string[];
}

/**
 * Every event names its request and when it happened, and carries what a timeline needs to say
 * it in plain words without reading the events before it (the assignment a renounce removed, the
 * state a suspension interrupted...).
 */
interface Base {
  requestId: string;
  at: string;
}

export type ServiceRequestEvent =
  | {
      type: 'ServiceRequestOpened';
      data: Base & {
        source: ServiceRequestSource;
        customerCode: string;
        siteCode: string;
        assetCode?: string;
        description: string;
        priority: ServiceRequestPriority;
        conditionCodes: string[];
        contact: ServiceRequestContact;
        externalReference?: string;
        zoneCode?: string;
        unitCode?: string;
        followUpOf?: string;
        explicitAcceptance: boolean;
      };
    }
  | { type: 'ServiceRequestAccepted'; data: Base & { automatic: boolean; note?: string } }
  | { type: 'ServiceRequestRejected'; data: Base & { diagnosis: string } }
  | {
      type: 'ServiceRequestConditionAttached';
      data: Base & { conditionCode: string; foundOnSite: boolean; technicianCode?: string };
    }
  | { type: 'ServiceRequestConditionDetached'; data: Base & { conditionCode: string } }
  | {
      type: 'ServiceRequestRemotelyResolved';
      data: Base & { resolution: string; releasedAssignments: Assignment[] };
    }
  | {
      type: 'ServiceRequestTechniciansAssigned';
      data: Base & { assignments: Assignment[]; synchronized: boolean };
    }
  | {
      type: 'ServiceRequestRescheduled';
      data: Base & { technicianCode: string; previous: Assignment; assignment: Assignment; reason?: string };
    }
  | {
      type: 'ServiceRequestUnassigned';
      data: Base & { assignment: Assignment; reason?: string; backToDispatch: boolean };
    }
  | {
      type: 'ServiceRequestSuspended';
      data: Base & { reason: string; reasonCode?: string; until?: string; from: ServiceRequestStatus };
    }
  | { type: 'ServiceRequestResumed'; data: Base & { to: ServiceRequestStatus } }
  | {
      type: 'ServiceRequestCancelled';
      data: Base & { reason: string; releasedAssignments: Assignment[] };
    }
  | {
      type: 'ServiceRequestRenounced';
      data: Base & {
        technicianCode: string;
        reasonCode: string;
        text: string;
        assignment: Assignment;
        backToDispatch: boolean;
      };
    }
  | {
      /** A technician left for the site: the customer's "on the way", and for some contracts the response. */
      type: 'ServiceRequestTechnicianOnTheWay';
      data: Base & { technicianCode: string; etaMinutes?: number };
    }
  | { type: 'ServiceRequestWorkStarted'; data: Base & { technicianCode: string } }
  | { type: 'ServiceRequestNoteAdded'; data: Base & { text: string } }
  | {
      type: 'ServiceRequestDeviceSignalRecorded';
      data: Base & DeviceSignalOnRequest & { afterClosing: boolean };
    }
  | { type: 'ServiceRequestFollowUpOpened'; data: Base & { followUpRequestId: string; reason: string } }
  | {
      type: 'ServiceRequestClosed';
      data: Base & { estimate: ServiceRequestEstimate; actuals: ServiceRequestActuals };
    }
  | {
      type: 'ServiceRequestReopened';
      data: Base & { reason: string; closedAt: string; reopenWindowDays: number };
    };

export type ServiceRequestEventType = ServiceRequestEvent['type'];

export const SERVICE_REQUEST_EVENT_TYPES: readonly ServiceRequestEventType[] = [
  'ServiceRequestOpened',
  'ServiceRequestAccepted',
  'ServiceRequestRejected',
  'ServiceRequestConditionAttached',
  'ServiceRequestConditionDetached',
  'ServiceRequestRemotelyResolved',
  'ServiceRequestTechniciansAssigned',
  'ServiceRequestRescheduled',
  'ServiceRequestUnassigned',
  'ServiceRequestSuspended',
  'ServiceRequestResumed',
  'ServiceRequestCancelled',
  'ServiceRequestRenounced',
  'ServiceRequestTechnicianOnTheWay',
  'ServiceRequestWorkStarted',
  'ServiceRequestNoteAdded',
  'ServiceRequestDeviceSignalRecorded',
  'ServiceRequestFollowUpOpened',
  'ServiceRequestClosed',
  'ServiceRequestReopened',
];

/** `SR-` and the id's first eight characters: what people say on the phone and read on screens. */
export function serviceRequestReference(requestId: string): string {
  return `SR-${requestId.slice(0, 8).toUpperCase()}`;
}

/** The stream holding one request's history. */
export const serviceRequestStreamName = (requestId: string) => `service-request-${requestId}`;
