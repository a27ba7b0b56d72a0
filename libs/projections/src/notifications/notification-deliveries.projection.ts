import { DELIVERY_EVENT_TYPES, type DeliveryEvent, serviceRequestReference } from '@fieldstream/domain';
import type { RecordedEvent } from '@fieldstream/event-store';
import { defineProjection } from '../projection-definition';
import {
  NOTIFICATION_DELIVERIES_COLLECTION,
  type NotificationDeliveryDocument,
} from './notification-collections';

type DeliveryRecorded = RecordedEvent & DeliveryEvent;
type Collection = typeof NOTIFICATION_DELIVERIES_COLLECTION;

const OWN_TYPES: ReadonlySet<string> = new Set(DELIVERY_EVENT_TYPES);

const isOwn = (event: RecordedEvent): event is DeliveryRecorded =>
  OWN_TYPES.has(event.type) &&
  typeof event.data['deliveryId'] === 'string' &&
  event.data['deliveryId'] !== '' &&
  typeof event.data['at'] === 'string';

function scheduled(
  event: Extract<DeliveryRecorded, { type: 'NotificationDeliveryScheduled' }>,
): NotificationDeliveryDocument {
  const data = event.data;
  return {
    _id: data.deliveryId,
    deliveryId: data.deliveryId,
    channel: data.channel,
    status: 'pending',
    userId: data.userId,
    address: data.address,
    topic: data.topic,
    subject: data.subject,
    ...(data.requestId !== undefined && {
      requestId: data.requestId,
      reference: serviceRequestReference(data.requestId),
    }),
    sourceEventId: data.sourceEventId,
    scheduledAt: data.at,
    notBefore: data.notBefore,
    attempts: [],
    requeues: [],
    lastPosition: event.position,
    updatedAt: data.at,
  };
}

/** The next state of a delivery's document; the domain's fold keeps no more than the log shows. */
function evolve(
  document: NotificationDeliveryDocument,
  event: DeliveryRecorded,
): NotificationDeliveryDocument {
  const base = { ...document, lastPosition: event.position, updatedAt: event.data.at };
  switch (event.type) {
    case 'NotificationDeliveryScheduled':
      // Scheduled once: the decider decides nothing on a second schedule.
      return document;
    case 'NotificationDeliverySent': {
      const { lastError: _cleared, ...rest } = base;
      return {
        ...rest,
        status: 'sent',
        sentAt: event.data.at,
        attempts: [
          ...document.attempts,
          {
            attempt: event.data.attempt,
            at: event.data.at,
            outcome: 'sent',
            ...(event.data.providerMessageId !== undefined && {
              providerMessageId: event.data.providerMessageId,
            }),
          },
        ],
      };
    }
    case 'NotificationDeliveryFailed':
      return {
        ...base,
        lastError: event.data.error,
        attempts: [
          ...document.attempts,
          { attempt: event.data.attempt, at: event.data.at, outcome: 'failed', error: event.data.error },
        ],
      };
    case 'NotificationDeliveryDead':
      return { ...base, status: 'dead', deadAt: event.data.at, lastError: event.data.lastError };
    case 'NotificationDeliveryRequeued':
      return {
        ...base,
        status: 'pending',
        requeues: [...document.requeues, { at: event.data.at, by: event.data.by }],
      };
  }
}

/**
 * The delivery log: one document per message, recipient and outside channel, with every attempt.
 * What an auditor reads, and the dead letters (`status: 'dead'`) an administrator sends again.
 */
export const notificationDeliveriesProjection = defineProjection<DeliveryRecorded, Collection>({
  name: 'notification-deliveries',
  version: 1,
  eventTypes: DELIVERY_EVENT_TYPES,
  collections: {
    [NOTIFICATION_DELIVERIES_COLLECTION]: {
      indexes: [
        { name: 'by_status_scheduled', keys: { status: 1, scheduledAt: -1 } },
        { name: 'by_scheduled', keys: { scheduledAt: -1 } },
        { name: 'by_user', keys: { userId: 1, scheduledAt: -1 } },
        { name: 'by_request', keys: { requestId: 1, scheduledAt: -1 } },
      ],
    },
  },
  documentsFor: (event) =>
    isOwn(event) ? [{ collection: NOTIFICATION_DELIVERIES_COLLECTION, id: event.data.deliveryId }] : [],
  apply(event, current) {
    if (!isOwn(event)) return [];
    const existing = current.get<NotificationDeliveryDocument>(
      NOTIFICATION_DELIVERIES_COLLECTION,
      event.data.deliveryId,
    );
    // At-least-once delivery: an event the document already reflects changes nothing.
    if (existing && event.position <= existing.lastPosition) return [];
    if (!existing) {
      // An attempt on a delivery never scheduled (a foreign writer's): nothing to place it by.
      return event.type === 'NotificationDeliveryScheduled'
        ? [{ op: 'put', collection: NOTIFICATION_DELIVERIES_COLLECTION, document: scheduled(event) }]
        : [];
    }
    const next = evolve(existing, event);
    return next === existing
      ? []
      : [{ op: 'put', collection: NOTIFICATION_DELIVERIES_COLLECTION, document: next }];
  },
});
