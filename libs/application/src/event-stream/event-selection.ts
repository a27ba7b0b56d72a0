import type { EventCategoryName } from '@fieldstream/api-contract';
import type { RecordedEvent } from '@fieldstream/event-store';
import { FieldValidationError } from '../errors';
import { EVENT_CATALOGUE, publishedTypeByCloudEventType, publishedTypeOf } from './event-catalogue';
import type { PublishedEventType } from './published-event-type';

/** What a reader asked for: the store's filter that finds it, and the test each event must pass. */
export interface EventSelection {
  /** For the store: streams starting with one of these... */
  streamPrefixes: string[];
  /**
   * ...and, when the reader named types, events of one of these stored types. A whole category
   * is read by its streams alone: the embedded store reads a prefix in position order, but a
   * couple of dozen types through as many index scans per page, several times slower.
   */
  eventTypes?: string[];
  /**
   * The published type of a recorded event when the selection includes it. The store's filter
   * lets through other types written to the same streams, and streams that merely start alike
   * (`calendar-feeds-…` for the calendars' `calendar-`): this is the last word on what leaves the API.
   */
  pick(event: RecordedEvent): PublishedEventType | undefined;
}

/**
 * The selection of a category (all of them when omitted) and, within it, of some CloudEvents
 * types. A type that is not published, or not in the category asked for, is refused naming
 * `types`: a typo must not read as "no such events".
 */
export function selectEvents(
  category?: EventCategoryName,
  cloudEventTypes?: readonly string[],
): EventSelection {
  const categories = EVENT_CATALOGUE.filter((entry) => category === undefined || entry.name === category);
  let types = categories.flatMap((entry) => entry.types);
  if (cloudEventTypes !== undefined) {
    const issues = cloudEventTypes.flatMap((name) => {
      const type = publishedTypeByCloudEventType(name);
      if (type === undefined)
        return [{ field: 'types', code: 'unknown_type', message: `${name} is not a published event type` }];
      if (category !== undefined && type.category !== category)
        return [
          {
            field: 'types',
            code: 'not_in_category',
            message: `${name} is of ${type.category}, not ${category}`,
          },
        ];
      return [];
    });
    if (issues.length > 0) throw new FieldValidationError('Some event types cannot be read', issues);
    const wanted = new Set(cloudEventTypes);
    types = types.filter((type) => wanted.has(type.cloudEventType));
  }
  const selected = new Set(types);
  return {
    streamPrefixes: [...new Set(types.map((type) => type.streamPrefix))],
    ...(cloudEventTypes === undefined ? {} : { eventTypes: types.map((type) => type.storedType) }),
    pick(event) {
      const type = publishedTypeOf(event);
      return type !== undefined && selected.has(type) ? type : undefined;
    },
  };
}
