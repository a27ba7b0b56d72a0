import { SLA_EVENT_TYPES, type ServiceRequestEvent, type SlaEvent } from '@fieldstream/domain';
import type { RecordedEvent } from '@fieldstream/event-store';
import { defineProjection, type ProjectionWrite } from '../projection-definition';
import {
  SLA_OUTCOMES_COLLECTION,
  SLA_REQUESTS_COLLECTION,
  type SlaOutcomeDocument,
  type SlaRequestDocument,
} from './sla-collections';
import { evolveSlaDocument, openedSlaDocument } from './sla-request-document';

type Recorded = RecordedEvent & (SlaEvent | Extract<ServiceRequestEvent, { type: 'ServiceRequestOpened' }>);
type Collection = typeof SLA_REQUESTS_COLLECTION | typeof SLA_OUTCOMES_COLLECTION;

const TYPES: ReadonlySet<string> = new Set(['ServiceRequestOpened', ...SLA_EVENT_TYPES]);

const isOwn = (event: RecordedEvent): event is Recorded =>
  TYPES.has(event.type) &&
  typeof event.data['requestId'] === 'string' &&
  event.data['requestId'] !== '' &&
  typeof event.data['at'] === 'string';

/**
 * The service levels' read models: each request's standing and clocks for the manager's dashboard
 * and the request's detail, and each breach and penalty for the charts. The request's opening gives
 * where it belongs (centre, zone, priority); its service-level stream gives the rest.
 */
export const serviceLevelsProjection = defineProjection<Recorded, Collection>({
  name: 'service-levels',
  version: 2,
  eventTypes: ['ServiceRequestOpened', ...SLA_EVENT_TYPES],
  collections: {
    [SLA_REQUESTS_COLLECTION]: {
      indexes: [
        { name: 'by_running_deadline', keys: { running: 1, nextDeadline: 1 } },
        { name: 'by_standing', keys: { standing: 1 } },
        { name: 'by_unit', keys: { unitCode: 1 } },
        { name: 'by_zone', keys: { zoneCode: 1 } },
        { name: 'by_scope_units', keys: { 'scope.units': 1 } },
        { name: 'by_scope_zones', keys: { 'scope.zones': 1 } },
        { name: 'by_scope_sites', keys: { 'scope.sites': 1 } },
        { name: 'by_scope_customers', keys: { 'scope.customers': 1 } },
      ],
    },
    [SLA_OUTCOMES_COLLECTION]: {
      indexes: [{ name: 'by_day', keys: { day: 1, kind: 1 } }],
    },
  },
  documentsFor: (event) =>
    isOwn(event) ? [{ collection: SLA_REQUESTS_COLLECTION, id: event.data.requestId }] : [],
  apply(event, current) {
    if (!isOwn(event)) return [];
    const existing = current.get<SlaRequestDocument>(SLA_REQUESTS_COLLECTION, event.data.requestId);
    // At-least-once delivery: an event the document already reflects changes nothing.
    if (existing && event.position <= existing.lastPosition) return [];
    if (event.type === 'ServiceRequestOpened') {
      return existing
        ? []
        : [
            {
              op: 'put',
              collection: SLA_REQUESTS_COLLECTION,
              document: openedSlaDocument(event, event.position),
            },
          ];
    }
    // A service-level stream without its request's opening (a foreign writer's): nothing to place it by.
    if (!existing) return [];
    const next = evolveSlaDocument(existing, event as SlaEvent, event.position);
    const writes: ProjectionWrite<Collection>[] = [
      { op: 'put', collection: SLA_REQUESTS_COLLECTION, document: next },
    ];
    const outcome = (
      kind: SlaOutcomeDocument['kind'],
      extra: Partial<SlaOutcomeDocument>,
    ): SlaOutcomeDocument => ({
      _id: `${event.id}:${kind}`,
      requestId: next.requestId,
      kind,
      clock: (event.data as { clock: SlaOutcomeDocument['clock'] }).clock,
      at: event.data.at,
      day: event.data.at.slice(0, 10),
      ...(next.unitCode !== undefined && { unitCode: next.unitCode }),
      ...(next.zoneCode !== undefined && { zoneCode: next.zoneCode }),
      priority: next.priority,
      customerCode: next.customerCode,
      scope: next.scope,
      ...extra,
    });
    if (event.type === 'SlaBreached') {
      // Counted on the day of the deadline, when it was breached (the alarm may be recorded later).
      const breach = outcome('breach', {});
      writes.push({
        op: 'put',
        collection: SLA_OUTCOMES_COLLECTION,
        document: { ...breach, at: event.data.deadline, day: event.data.deadline.slice(0, 10) },
      });
    }
    if (event.type === 'SlaClockStopped' && event.data.penalty) {
      writes.push({
        op: 'put',
        collection: SLA_OUTCOMES_COLLECTION,
        document: outcome('penalty', { penalty: event.data.penalty }),
      });
    }
    return writes;
  },
});
