import { INBOX_EVENT_TYPES, INBOX_STREAM_PREFIX, type InboxEvent } from '@fieldstream/domain';
import type { RecordedEvent } from '@fieldstream/event-store';
import { defineProjection, type DocumentRef, type ProjectionWrite } from '../projection-definition';
import {
  INBOX_NOTIFICATIONS_COLLECTION,
  type InboxNotificationDocument,
  inboxDocumentId,
} from './notification-collections';

type InboxRecorded = RecordedEvent & InboxEvent;
type Collection = typeof INBOX_NOTIFICATIONS_COLLECTION;

const OWN_TYPES: ReadonlySet<string> = new Set(INBOX_EVENT_TYPES);

/** Whose inbox: the stream says (`inbox-<userId>`), not what a writer put in the data. */
function ownerOf(event: RecordedEvent): string | undefined {
  if (!event.streamName.startsWith(INBOX_STREAM_PREFIX)) return undefined;
  const userId = event.streamName.slice(INBOX_STREAM_PREFIX.length);
  return userId === '' ? undefined : userId;
}

/** Ours to apply: an inbox event in an inbox stream, with its instant and what it is about. */
function isOwn(event: RecordedEvent): event is InboxRecorded {
  if (!OWN_TYPES.has(event.type) || !ownerOf(event) || typeof event.data['at'] !== 'string') return false;
  return event.type === 'NotificationReceived'
    ? typeof event.data['notificationId'] === 'string' && event.data['notificationId'] !== ''
    : Array.isArray(event.data['notificationIds']);
}

/** The notifications an event is about, each once. */
function notificationIdsOf(event: InboxRecorded): string[] {
  return event.type === 'NotificationReceived'
    ? [event.data.notificationId]
    : [...new Set(event.data.notificationIds.filter((id): id is string => typeof id === 'string'))];
}

function received(
  userId: string,
  event: Extract<InboxRecorded, { type: 'NotificationReceived' }>,
): InboxNotificationDocument {
  const data = event.data;
  return {
    _id: inboxDocumentId(userId, data.notificationId),
    notificationId: data.notificationId,
    userId,
    topic: data.topic,
    severity: data.severity,
    title: data.title,
    body: data.body,
    ...(data.requestId !== undefined && { requestId: data.requestId }),
    ...(data.reference !== undefined && { reference: data.reference }),
    sourceEventId: data.sourceEventId,
    ...(data.escalation && {
      escalation: {
        level: data.escalation.level,
        ...(data.escalation.acknowledgeBy !== undefined && {
          acknowledgeBy: data.escalation.acknowledgeBy,
        }),
      },
    }),
    receivedAt: data.at,
    readAt: null,
    lastPosition: event.position,
  };
}

/**
 * Users' inboxes, one document per notification: what the bell lists (newest first) and counts
 * (unread). Received once (the notifier derives ids from the cause), then read once; an event a
 * document already reflects changes nothing, so a redelivered batch writes the same bytes.
 */
export const inboxProjection = defineProjection<InboxRecorded, Collection>({
  name: 'inbox',
  version: 1,
  eventTypes: INBOX_EVENT_TYPES,
  collections: {
    [INBOX_NOTIFICATIONS_COLLECTION]: {
      indexes: [
        { name: 'by_user_received', keys: { userId: 1, receivedAt: -1 } },
        { name: 'by_user_read', keys: { userId: 1, readAt: 1 } },
      ],
    },
  },
  documentsFor(event): DocumentRef<Collection>[] {
    const userId = ownerOf(event);
    if (!userId || !isOwn(event)) return [];
    return notificationIdsOf(event).map((id) => ({
      collection: INBOX_NOTIFICATIONS_COLLECTION,
      id: inboxDocumentId(userId, id),
    }));
  },
  apply(event, current) {
    const userId = ownerOf(event);
    if (!userId || !isOwn(event)) return [];
    const writes: ProjectionWrite<Collection>[] = [];
    for (const notificationId of notificationIdsOf(event)) {
      const existing = current.get<InboxNotificationDocument>(
        INBOX_NOTIFICATIONS_COLLECTION,
        inboxDocumentId(userId, notificationId),
      );
      // At-least-once delivery: an event the document already reflects changes nothing.
      if (existing && event.position <= existing.lastPosition) continue;
      if (event.type === 'NotificationReceived') {
        if (!existing)
          writes.push({
            op: 'put',
            collection: INBOX_NOTIFICATIONS_COLLECTION,
            document: received(userId, event),
          });
        continue;
      }
      // Read before it arrived (a foreign writer's), or read already: nothing to show.
      if (!existing || existing.readAt !== null) continue;
      writes.push({
        op: 'put',
        collection: INBOX_NOTIFICATIONS_COLLECTION,
        document: { ...existing, readAt: event.data.at, lastPosition: event.position },
      });
    }
    return writes;
  },
});
