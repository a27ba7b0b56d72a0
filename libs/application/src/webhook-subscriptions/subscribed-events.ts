import type { RecordedEvent } from '@fieldstream/event-store';
import type { FieldIssue } from '../errors';
import {
  EVENT_CATALOGUE,
  publishedTypeByCloudEventType,
  publishedTypeOf,
} from '../event-stream/event-catalogue';
import type { PublishedEventType } from '../event-stream/published-event-type';

/** What a subscription receives: the store's filter that finds it, and the last word on each event. */
export interface SubscribedEvents {
  streamPrefixes: string[];
  /** Stored types, when the subscription names types only; a whole category is read by its streams. */
  eventTypes?: string[];
  /** The published type of an event the subscription receives; undefined for any other. */
  pick(event: RecordedEvent): PublishedEventType | undefined;
}

/**
 * The published types of some whole categories and some CloudEvents types. A type no longer in
 * the catalogue (withdrawn since the subscription was made) selects nothing; checking what a
 * client names is `unknownEventTypes`' job, at the API.
 */
export function subscribedEvents(subscription: {
  eventTypes: readonly string[];
  categories: readonly string[];
}): SubscribedEvents {
  const categories = new Set(subscription.categories);
  const named = subscription.eventTypes.flatMap((name) => {
    const type = publishedTypeByCloudEventType(name);
    return type ? [type] : [];
  });
  const types = new Set<PublishedEventType>([
    ...EVENT_CATALOGUE.filter((category) => categories.has(category.name)).flatMap(
      (category) => category.types,
    ),
    ...named,
  ]);
  return {
    streamPrefixes: [...new Set([...types].map((type) => type.streamPrefix))].sort(),
    ...(categories.size === 0 && { eventTypes: named.map((type) => type.storedType) }),
    pick(event) {
      const type = publishedTypeOf(event);
      return type !== undefined && types.has(type) ? type : undefined;
    },
  };
}

/** Each CloudEvents type that is not published, as a field issue naming its place in `eventTypes`. */
export function unknownEventTypes(eventTypes: readonly string[]): FieldIssue[] {
  return eventTypes.flatMap((name, index) =>
    publishedTypeByCloudEventType(name)
      ? []
      : [
          {
            field: `eventTypes.${index}`,
            code: 'unknown_type',
            message: `${name} is not a published event type (see GET /api/webhook-subscriptions/event-types)`,
          },
        ],
  );
}
