import type { RecordedEvent } from '@fieldstream/event-store';
import type { ReadDocument } from '@fieldstream/read-store';
import { defineProjection } from '../projection-definition';
import { categoryOf } from '../stream-catalogue.projection';

export const EVENT_COUNTS_COLLECTION = 'event_counts';
export const TOTAL_ID = 'total';

export interface EventCountDocument extends ReadDocument {
  count: number;
  lastPosition: number;
}

/**
 * Deliberately NOT idempotent: every event adds one to a per-category counter and to a single
 * hot `total`, with no check against positions already counted. If any event were applied twice
 * (a crash between the documents' write and the checkpoint's), the counts would show it.
 */
export function eventCounterProjection(version = 1) {
  return defineProjection<RecordedEvent, typeof EVENT_COUNTS_COLLECTION>({
    name: 'event-counter',
    version,
    eventTypes: 'all',
    collections: { [EVENT_COUNTS_COLLECTION]: { indexes: [{ keys: { count: -1 } }] } },
    documentsFor: (event) => [
      { collection: EVENT_COUNTS_COLLECTION, id: TOTAL_ID },
      { collection: EVENT_COUNTS_COLLECTION, id: `category:${categoryOf(event.streamName)}` },
    ],
    apply(event, current) {
      return [TOTAL_ID, `category:${categoryOf(event.streamName)}`].map((id) => {
        const existing = current.get<EventCountDocument>(EVENT_COUNTS_COLLECTION, id);
        const document: EventCountDocument = {
          _id: id,
          count: (existing?.count ?? 0) + 1,
          lastPosition: event.position,
        };
        return { op: 'put' as const, collection: EVENT_COUNTS_COLLECTION, document };
      });
    },
  });
}
