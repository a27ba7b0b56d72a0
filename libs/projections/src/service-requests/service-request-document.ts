import { type ServiceRequestEvent, serviceRequestReference } from '@fieldstream/domain';
import { searchTerms } from '../master-data/search-terms';
import {
  PRIORITY_RANK,
  type ServiceRequestAssignment,
  type ServiceRequestDocument,
} from './service-request-collections';

/** Where an event sits in its stream: the bookkeeping every document write carries. */
export interface EventPlace {
  revision: number;
}

type Assigned = {
  technicianCode: string;
  appointmentId?: string;
  start: string;
  durationMinutes: number;
  end: string;
};

/** The stored form of a domain assignment: only the fields the wire shows, no undefined keys. */
function assignmentOf(assignment: Assigned, startedAt?: string): ServiceRequestAssignment {
  return {
    technicianCode: assignment.technicianCode,
    ...(assignment.appointmentId !== undefined && { appointmentId: assignment.appointmentId }),
    start: assignment.start,
    end: assignment.end,
    durationMinutes: assignment.durationMinutes,
    ...(startedAt !== undefined && { startedAt }),
  };
}

/** A copy without the given optional fields: absent, not undefined, so stored bytes stay canonical. */
function without<T extends object>(value: T, ...keys: (keyof T)[]): T {
  const copy = { ...value };
  for (const key of keys) delete copy[key];
  return copy;
}

const byTechnician = (a: ServiceRequestAssignment, b: ServiceRequestAssignment) =>
  a.technicianCode < b.technicianCode ? -1 : a.technicianCode > b.technicianCode ? 1 : 0;

/**
 * Recomputes everything derived from the rest (planned start, scope, search terms, ranks), so
 * that no event handler can forget one and a rebuild always gives the same bytes.
 */
function finish(document: ServiceRequestDocument, event: ServiceRequestEvent, place: EventPlace) {
  const assignments = [...document.assignments].sort(byTechnician);
  const technicianCodes = assignments.map((a) => a.technicianCode);
  const plannedStart = assignments.reduce<string | undefined>(
    (earliest, a) => (earliest === undefined || a.start < earliest ? a.start : earliest),
    undefined,
  );
  const base = without(document, 'plannedStart');
  return {
    ...base,
    assignments,
    ...(plannedStart !== undefined && { plannedStart }),
    technicianCodes,
    scope: {
      ...(document.unitCode !== undefined && { units: [document.unitCode] }),
      ...(document.zoneCode !== undefined && { zones: [document.zoneCode] }),
      sites: [document.siteCode],
      customers: [document.customerCode],
      technicians: [...new Set([...technicianCodes, ...document.workedBy])].sort(),
    },
    searchTerms: searchTerms([
      document.description,
      document.reference,
      document.customerCode,
      document.siteCode,
      document.assetCode,
      document.externalReference,
      ...document.conditionCodes,
    ]),
    priorityRank: PRIORITY_RANK[document.priority],
    version: place.revision + 1,
    lastRevision: place.revision,
    updatedAt: event.data.at,
  } satisfies ServiceRequestDocument;
}

function opened(
  event: Extract<ServiceRequestEvent, { type: 'ServiceRequestOpened' }>,
): ServiceRequestDocument {
  const { data } = event;
  return {
    _id: data.requestId,
    id: data.requestId,
    reference: serviceRequestReference(data.requestId),
    status: 'open',
    source: data.source,
    priority: data.priority,
    customerCode: data.customerCode,
    siteCode: data.siteCode,
    ...(data.assetCode !== undefined && { assetCode: data.assetCode }),
    ...(data.zoneCode !== undefined && { zoneCode: data.zoneCode }),
    ...(data.unitCode !== undefined && { unitCode: data.unitCode }),
    description: data.description,
    conditionCodes: [...new Set(data.conditionCodes)],
    assignments: [],
    openedAt: data.at,
    updatedAt: data.at,
    version: 0,
    contact: { ...data.contact },
    ...(data.externalReference !== undefined && { externalReference: data.externalReference }),
    ...(data.followUpOf !== undefined && { followUpOf: data.followUpOf }),
    followUpRequestIds: [],
    reopenedCount: 0,
    lastRevision: -1,
    scope: { sites: [], customers: [], technicians: [] },
    workedBy: [],
    searchTerms: [],
    priorityRank: PRIORITY_RANK[data.priority],
    technicianCodes: [],
    notesCount: 0,
  };
}

/** Drops the assignment of `technicianCode`; back to dispatch when none remains (as the decider does). */
function withoutAssignment(document: ServiceRequestDocument, technicianCode: string): ServiceRequestDocument {
  const assignments = document.assignments.filter((a) => a.technicianCode !== technicianCode);
  return { ...document, assignments, status: assignments.length === 0 ? 'accepted' : document.status };
}

/**
 * The request's document after one more event of its stream. Pure: the same events always give
 * the same document. Answers null for an event that has no request to apply to (a stream whose
 * opening is missing cannot be shown).
 */
export function evolveServiceRequestDocument(
  current: Readonly<ServiceRequestDocument> | null,
  event: ServiceRequestEvent,
  place: EventPlace,
): ServiceRequestDocument | null {
  if (event.type === 'ServiceRequestOpened') {
    return current ? null : finish(opened(event), event, place);
  }
  if (!current) return null;
  const document: ServiceRequestDocument = { ...current };
  const next = ((): ServiceRequestDocument => {
    switch (event.type) {
      case 'ServiceRequestAccepted':
        return { ...document, status: 'accepted', acceptedAt: event.data.at };
      case 'ServiceRequestRejected':
        return { ...document, status: 'rejected', rejectionDiagnosis: event.data.diagnosis };
      case 'ServiceRequestConditionAttached':
        return document.conditionCodes.includes(event.data.conditionCode)
          ? document
          : { ...document, conditionCodes: [...document.conditionCodes, event.data.conditionCode] };
      case 'ServiceRequestConditionDetached':
        return {
          ...document,
          conditionCodes: document.conditionCodes.filter((code) => code !== event.data.conditionCode),
        };
      case 'ServiceRequestRemotelyResolved':
        return {
          ...without(document, 'suspendedFrom', 'suspension'),
          status: 'resolved-remotely',
          assignments: [],
          remoteResolution: event.data.resolution,
          closedAt: event.data.at,
        };
      case 'ServiceRequestTechniciansAssigned': {
        const added = new Map(event.data.assignments.map((a) => [a.technicianCode, assignmentOf(a)]));
        return {
          ...document,
          status: 'assigned',
          assignments: [
            ...document.assignments.filter((a) => !added.has(a.technicianCode)),
            ...added.values(),
          ],
        };
      }
      case 'ServiceRequestRescheduled':
        return {
          ...document,
          assignments: document.assignments.map((a) =>
            a.technicianCode === event.data.technicianCode
              ? assignmentOf(event.data.assignment, a.startedAt)
              : a,
          ),
        };
      case 'ServiceRequestUnassigned':
        return withoutAssignment(document, event.data.assignment.technicianCode);
      case 'ServiceRequestRenounced':
        return withoutAssignment(document, event.data.technicianCode);
      case 'ServiceRequestSuspended':
        return {
          ...document,
          status: 'suspended',
          suspendedFrom: event.data.from,
          suspension: {
            reason: event.data.reason,
            ...(event.data.until !== undefined && { until: event.data.until }),
          },
        };
      case 'ServiceRequestResumed':
        return { ...without(document, 'suspendedFrom', 'suspension'), status: event.data.to };
      case 'ServiceRequestCancelled':
        return {
          ...without(document, 'suspendedFrom', 'suspension'),
          status: 'cancelled',
          assignments: [],
          cancellationReason: event.data.reason,
        };
      case 'ServiceRequestTechnicianOnTheWay': {
        const { technicianCode, at, etaMinutes } = event.data;
        return {
          ...document,
          assignments: document.assignments.map((a) =>
            a.technicianCode === technicianCode && a.departedAt === undefined
              ? { ...a, departedAt: at, ...(etaMinutes !== undefined && { etaMinutes }) }
              : a,
          ),
        };
      }
      case 'ServiceRequestWorkStarted': {
        const { technicianCode, at } = event.data;
        return {
          ...document,
          status: 'in-progress',
          assignments: document.assignments.map((a) =>
            a.technicianCode === technicianCode && a.startedAt === undefined ? { ...a, startedAt: at } : a,
          ),
          workedBy: document.workedBy.includes(technicianCode)
            ? document.workedBy
            : [...document.workedBy, technicianCode].sort(),
        };
      }
      case 'ServiceRequestNoteAdded':
        return { ...document, notesCount: document.notesCount + 1 };
      case 'ServiceRequestFollowUpOpened':
        return document.followUpRequestIds.includes(event.data.followUpRequestId)
          ? document
          : {
              ...document,
              followUpRequestIds: [...document.followUpRequestIds, event.data.followUpRequestId],
            };
      case 'ServiceRequestClosed': {
        const { estimate, actuals, at } = event.data;
        return {
          ...document,
          status: 'closed',
          closedAt: at,
          closure: {
            at,
            estimate: {
              labourMinutes: estimate.labourMinutes,
              technicianCodes: [...estimate.technicianCodes],
            },
            labourMinutes: actuals.labourMinutes,
            travelMinutes: actuals.travelMinutes,
            travelKm: actuals.travelKm,
            materials: actuals.materials.map((m) => ({ ...m })),
            correctiveActions: [...actuals.correctiveActions],
            resolution: actuals.resolution,
          },
        };
      }
      case 'ServiceRequestReopened':
        // Back to dispatch without the old plan; the old closure stays in the timeline.
        return {
          ...without(document, 'closedAt', 'closure', 'remoteResolution'),
          status: 'accepted',
          assignments: [],
          reopenedCount: document.reopenedCount + 1,
        };
      default:
        return document;
    }
  })();
  return finish(next, event, place);
}
