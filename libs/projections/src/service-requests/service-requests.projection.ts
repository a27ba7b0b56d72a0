import { SERVICE_REQUEST_EVENT_TYPES, type ServiceRequestEvent } from '@fieldstream/domain';
import type { RecordedEvent } from '@fieldstream/event-store';
import type { IndexSpec, ReadValue } from '@fieldstream/read-store';
import { defineProjection } from '../projection-definition';
import {
  SERVICE_REQUESTS_COLLECTION,
  SERVICE_REQUEST_TIMELINE_COLLECTION,
  type ServiceRequestDocument,
  type ServiceRequestTimelineDocument,
} from './service-request-collections';
import { evolveServiceRequestDocument } from './service-request-document';

type ServiceRequestRecorded = RecordedEvent & ServiceRequestEvent;

const OWN_TYPES: ReadonlySet<string> = new Set(SERVICE_REQUEST_EVENT_TYPES);

/**
 * Ours to apply: one of our types carrying the request it is about. Anything else under one of our
 * names (a test's or a foreign writer's event) is skipped rather than left to stop the projection
 * for good at that position.
 */
const isOwn = (event: RecordedEvent): event is ServiceRequestRecorded =>
  OWN_TYPES.has(event.type) &&
  typeof event.data['requestId'] === 'string' &&
  event.data['requestId'] !== '' &&
  typeof event.data['at'] === 'string';

/** The to-do list's orders and filters, and the scope dimensions `scopeListFilter` asks about. */
const REQUEST_INDEXES: readonly IndexSpec[] = [
  { name: 'by_status_priority', keys: { status: 1, priorityRank: 1, openedAt: 1 } },
  { name: 'by_zone', keys: { zoneCode: 1 } },
  { name: 'by_unit', keys: { unitCode: 1 } },
  { name: 'by_asset', keys: { assetCode: 1, openedAt: 1 } },
  { name: 'by_site', keys: { siteCode: 1, openedAt: 1 } },
  { name: 'by_technician', keys: { technicianCodes: 1 } },
  { name: 'by_external_reference', keys: { externalReference: 1 } },
  { name: 'by_updated', keys: { updatedAt: 1 } },
  { name: 'by_search', keys: { searchTerms: 1 } },
  { name: 'by_scope_units', keys: { 'scope.units': 1 } },
  { name: 'by_scope_zones', keys: { 'scope.zones': 1 } },
  { name: 'by_scope_sites', keys: { 'scope.sites': 1 } },
  { name: 'by_scope_customers', keys: { 'scope.customers': 1 } },
  { name: 'by_scope_technicians', keys: { 'scope.technicians': 1 } },
];

/**
 * The service requests' read models: one document per request for the to-do list and the detail,
 * and one document per event for the timeline (worded at read time, in the reader's language).
 */
export const serviceRequestsProjection = defineProjection<
  ServiceRequestRecorded,
  typeof SERVICE_REQUESTS_COLLECTION | typeof SERVICE_REQUEST_TIMELINE_COLLECTION
>({
  name: 'service-requests',
  version: 1,
  eventTypes: SERVICE_REQUEST_EVENT_TYPES,
  collections: {
    [SERVICE_REQUESTS_COLLECTION]: { indexes: REQUEST_INDEXES },
    [SERVICE_REQUEST_TIMELINE_COLLECTION]: {
      indexes: [{ name: 'by_request', keys: { requestId: 1, revision: 1 } }],
    },
  },
  documentsFor: (event) =>
    isOwn(event) ? [{ collection: SERVICE_REQUESTS_COLLECTION, id: event.data.requestId }] : [],
  apply(event, current) {
    // The runner subscribes to our types only; a fold over a whole log must skip the others too.
    if (!isOwn(event)) return [];
    const existing = current.get<ServiceRequestDocument>(SERVICE_REQUESTS_COLLECTION, event.data.requestId);
    // At-least-once delivery: an event the document already reflects changes nothing.
    if (existing && event.revision <= existing.lastRevision) return [];
    const next = evolveServiceRequestDocument(existing, event, { revision: event.revision });
    if (!next) return [];
    const entry: ServiceRequestTimelineDocument = {
      _id: event.id,
      requestId: event.data.requestId,
      revision: event.revision,
      position: event.position,
      type: event.type,
      at: event.data.at,
      actorId: event.metadata.actorId,
      actorName: String(event.metadata['actorName'] ?? event.metadata.actorId),
      actorRole: event.metadata.actorRole,
      data: event.data as unknown as { [field: string]: ReadValue },
    };
    return [
      { op: 'put', collection: SERVICE_REQUESTS_COLLECTION, document: next },
      { op: 'put', collection: SERVICE_REQUEST_TIMELINE_COLLECTION, document: entry },
    ];
  },
});
