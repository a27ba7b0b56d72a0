import {
  MASTER_DATA_KINDS,
  type MasterDataEvent,
  type MasterDataKindName,
  masterDataEventTypes,
  masterDataFactOf,
  masterDataKind,
} from '@fieldstream/domain';
import type { RecordedEvent } from '@fieldstream/event-store';
import type { IndexSpec } from '@fieldstream/read-store';
import { defineProjection } from '../projection-definition';
import { type MasterDataDocument, masterDataCollection } from './master-data-collections';
import { searchTerms, valueAtPath } from './search-terms';

type MasterDataRecorded = RecordedEvent & { data: MasterDataEvent['data'] };

const INDEXES: readonly IndexSpec[] = [
  { name: 'by_status', keys: { status: 1, _id: 1 } },
  { name: 'by_search', keys: { searchTerms: 1 } },
  { name: 'by_units', keys: { 'scope.units': 1 } },
  { name: 'by_zones', keys: { 'scope.zones': 1 } },
  { name: 'by_sites', keys: { 'scope.sites': 1 } },
  { name: 'by_customers', keys: { 'scope.customers': 1 } },
  { name: 'by_technicians', keys: { 'scope.technicians': 1 } },
];

const collections = Object.fromEntries(
  MASTER_DATA_KINDS.map((kind) => [masterDataCollection(kind.name), { indexes: INDEXES }]),
);

function documentOf(
  kindName: MasterDataKindName,
  code: string,
  record: MasterDataDocument['record'],
  status: MasterDataDocument['status'],
  event: RecordedEvent,
  existing: Readonly<MasterDataDocument> | null,
): MasterDataDocument {
  const kind = masterDataKind(kindName);
  return {
    _id: code,
    kind: kindName,
    code,
    status,
    record,
    scope: kind.scope(record as never, code) as MasterDataDocument['scope'],
    searchTerms: searchTerms([code, ...kind.searchFields.map((field) => valueAtPath(record, field))]),
    version: event.revision + 1,
    createdAt: existing?.createdAt ?? event.metadata.occurredAt,
    updatedAt: event.metadata.occurredAt,
    updatedBy: String(event.metadata['actorName'] ?? event.metadata.actorId),
    lastPosition: event.position,
  };
}

/** One document per record, per kind; retired records stay (history and references need them). */
export const masterDataProjection = defineProjection<MasterDataRecorded, string>({
  name: 'master-data',
  version: 1,
  eventTypes: masterDataEventTypes(MASTER_DATA_KINDS.map((kind) => kind.name)),
  collections,
  documentsFor: (event) => [{ collection: masterDataCollection(event.data.kind), id: event.data.code }],
  apply(event, current) {
    const { kind, code } = event.data;
    const collection = masterDataCollection(kind);
    const existing = current.get<MasterDataDocument>(collection, code);
    // At-least-once delivery: an event this document already reflects changes nothing.
    if (existing && event.revision + 1 <= existing.version) return [];
    switch (masterDataFactOf(event.type)) {
      case 'Registered':
      case 'Changed': {
        const record = (event.data as { record: MasterDataDocument['record'] }).record;
        return [
          { op: 'put', collection, document: documentOf(kind, code, record, 'active', event, existing) },
        ];
      }
      case 'Retired':
      case 'Reinstated': {
        if (!existing) return [];
        const status = masterDataFactOf(event.type) === 'Retired' ? 'retired' : 'active';
        return [
          {
            op: 'put',
            collection,
            document: documentOf(kind, code, existing.record, status, event, existing),
          },
        ];
      }
      default:
        return [];
    }
  },
});
