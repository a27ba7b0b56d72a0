import { CALENDAR_FEED_EVENT_TYPES, type CalendarFeedEvent } from '@fieldstream/domain';
import type { RecordedEvent } from '@fieldstream/event-store';
import { defineProjection } from '../projection-definition';
import { CALENDAR_FEEDS_COLLECTION, type CalendarFeedDocument } from './calendar-feed-collections';

type FeedRecorded = RecordedEvent & CalendarFeedEvent;

const actorName = (event: RecordedEvent) => String(event.metadata['actorName'] ?? event.metadata.actorId);

function applyFeed(existing: Readonly<CalendarFeedDocument> | null, event: FeedRecorded) {
  const lastRevision = event.revision;
  if (event.type === 'CalendarFeedCreated') {
    const { feedId, ownerId, name, scope, secretHash, at } = event.data;
    return {
      _id: feedId,
      ownerId,
      // The owner creates their own feeds: the creator's name is the owner's.
      ownerName: actorName(event),
      name,
      scope,
      secretHash,
      status: 'active',
      createdAt: at,
      urlIssuedAt: at,
      lastFetchedAt: null,
      lastFetchedBy: null,
      revokedAt: null,
      revokedBy: null,
      lastRevision,
    } satisfies CalendarFeedDocument;
  }
  if (!existing) return null;
  switch (event.type) {
    case 'CalendarFeedSecretRegenerated':
      return { ...existing, secretHash: event.data.secretHash, urlIssuedAt: event.data.at, lastRevision };
    case 'CalendarFeedRevoked':
      return {
        ...existing,
        status: 'revoked' as const,
        revokedAt: event.data.at,
        revokedBy: actorName(event),
        lastRevision,
      };
    case 'CalendarFeedFetched':
      return {
        ...existing,
        lastFetchedAt: event.data.at,
        lastFetchedBy: event.data.client || null,
        lastRevision,
      };
  }
}

/** Users' calendar feeds: their lists, the administrators' overview, and the check of each fetch. */
export const calendarFeedsProjection = defineProjection<FeedRecorded, typeof CALENDAR_FEEDS_COLLECTION>({
  name: 'calendar-feeds',
  version: 1,
  eventTypes: CALENDAR_FEED_EVENT_TYPES,
  collections: {
    [CALENDAR_FEEDS_COLLECTION]: {
      indexes: [
        { name: 'by_owner', keys: { ownerId: 1, createdAt: 1 } },
        { name: 'by_status', keys: { status: 1, createdAt: 1 } },
      ],
    },
  },
  documentsFor: (event) => [{ collection: CALENDAR_FEEDS_COLLECTION, id: event.data.feedId }],
  apply(event, current) {
    const existing = current.get<CalendarFeedDocument>(CALENDAR_FEEDS_COLLECTION, event.data.feedId);
    // The owner's stream holds all their feeds: its revisions order each feed's events too.
    if (existing && event.revision <= existing.lastRevision) return [];
    const document = applyFeed(existing, event);
    return document ? [{ op: 'put', collection: CALENDAR_FEEDS_COLLECTION, document }] : [];
  },
});
