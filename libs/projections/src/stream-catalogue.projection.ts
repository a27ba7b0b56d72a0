import type { RecordedEvent } from '@fieldstream/event-store';
import type { ReadDocument } from '@fieldstream/read-store';
import { defineProjection } from './projection-definition';

export const STREAM_CATALOGUE_COLLECTION = 'stream_catalogue';

/** One stream of the log as auditors and integrators browse it. Times are the store's recordedAt. */
export interface StreamCatalogueDocument extends ReadDocument {
  /** The stream name. */
  _id: string;
  category: string;
  lastRevision: number;
  eventCount: number;
  firstEventType: string;
  firstEventAt: string;
  lastEventType: string;
  lastEventAt: string;
  lastPosition: number;
}

const TRAILING_UUID = /^(.+)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Categories may contain dashes (`service-request-42`) and so may ids (UUIDs), so the split is
 * ambiguous: a trailing UUID is the id, otherwise the id is what follows the last dash.
 */
export function categoryOf(streamName: string): string {
  const uuid = TRAILING_UUID.exec(streamName);
  if (uuid?.[1]) return uuid[1];
  const dash = streamName.lastIndexOf('-');
  return dash > 0 ? streamName.slice(0, dash) : streamName;
}

export const streamCatalogueProjection = defineProjection<RecordedEvent, typeof STREAM_CATALOGUE_COLLECTION>({
  name: 'stream-catalogue',
  version: 1,
  eventTypes: 'all',
  collections: {
    [STREAM_CATALOGUE_COLLECTION]: {
      indexes: [
        { name: 'by_category', keys: { category: 1, lastPosition: -1 } },
        { name: 'by_last_event_at', keys: { lastEventAt: -1 } },
      ],
    },
  },
  documentsFor: (event) => [{ collection: STREAM_CATALOGUE_COLLECTION, id: event.streamName }],
  apply(event, current) {
    const existing = current.get<StreamCatalogueDocument>(STREAM_CATALOGUE_COLLECTION, event.streamName);
    // Delivery is at-least-once; a revision we have already counted changes nothing.
    if (existing && event.revision <= existing.lastRevision) return [];
    const document: StreamCatalogueDocument = {
      _id: event.streamName,
      category: existing?.category ?? categoryOf(event.streamName),
      lastRevision: event.revision,
      eventCount: (existing?.eventCount ?? 0) + 1,
      firstEventType: existing?.firstEventType ?? event.type,
      firstEventAt: existing?.firstEventAt ?? event.recordedAt,
      lastEventType: event.type,
      lastEventAt: event.recordedAt,
      lastPosition: event.position,
    };
    return [{ op: 'put', collection: STREAM_CATALOGUE_COLLECTION, document }];
  },
});
