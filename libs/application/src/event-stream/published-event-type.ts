import type { EventCategoryName } from '@fieldstream/api-contract';
import type { JsonObject } from '@fieldstream/event-store';
import type { z } from 'zod';

/** The reverse-DNS prefix of every CloudEvents type Fieldstream publishes. */
export const CLOUD_EVENT_TYPE_PREFIX = 'io.fieldstream';

/**
 * One event type as integrators meet it. Its CloudEvents type is
 * `io.fieldstream.<entity>.<fact>.v<version>`: the entity the stream is about, what happened to
 * it in kebab-case, and the version of its payload. A change a consumer could trip on (a field
 * removed, renamed or meaning something else) publishes a new version; added fields do not.
 */
export interface PublishedEventType {
  category: EventCategoryName;
  /** The type as the log stores it (`ServiceRequestOpened`). */
  storedType: string;
  /** The streams it is read from: names starting with this (`service-request-`)... */
  streamPrefix: string;
  /** ...and, where the code names streams by UUIDs only, followed by a UUID. */
  streamId: 'uuid' | 'any';
  entity: string;
  fact: string;
  version: number;
  cloudEventType: string;
  summary: string;
  /** The payload (`data`), as the domain writes it. */
  payload: z.ZodType;
  /** A payload as the domain would write it, for the published description. */
  example?: JsonObject;
}

type DataOf<Event, Type> = Extract<Event, { type: Type }> extends { data: infer Data } ? Data : never;

/**
 * What a category says of each event type of its domain events: a mapped type, so a type added to
 * the domain and left out here is a compile error, and a payload schema whose output is not the
 * domain's data is one too.
 */
export type EventTypeSpecs<Event extends { type: string; data: object }> = {
  [Type in Event['type']]: {
    summary: string;
    payload: z.ZodType<DataOf<Event, Type>>;
    example: DataOf<Event, Type>;
    /** 1 unless the payload changed incompatibly. */
    version?: number;
  };
};

/** `TechniciansAssigned` → `technicians-assigned`. */
export function kebabCase(words: string): string {
  return words.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

export function cloudEventTypeOf(entity: string, fact: string, version: number): string {
  return `${CLOUD_EVENT_TYPE_PREFIX}.${entity}.${fact}.v${version}`;
}

/**
 * The published types of one aggregate's events: each stored type is `typePrefix` + the fact
 * (`ServiceRequest` + `Opened`), read from streams named `streamPrefix` + id.
 */
export function publishedTypes<Event extends { type: string; data: object }>(
  category: EventCategoryName,
  aggregate: { streamPrefix: string; streamId?: 'uuid'; entity: string; typePrefix: string },
  specs: EventTypeSpecs<Event>,
): PublishedEventType[] {
  return (Object.keys(specs) as Event['type'][]).map((storedType) => {
    const spec = specs[storedType];
    if (!storedType.startsWith(aggregate.typePrefix) || storedType === aggregate.typePrefix)
      throw new Error(`${storedType} does not start with ${aggregate.typePrefix}`);
    const fact = kebabCase(storedType.slice(aggregate.typePrefix.length));
    const version = spec.version ?? 1;
    return {
      category,
      storedType,
      streamPrefix: aggregate.streamPrefix,
      streamId: aggregate.streamId ?? 'any',
      entity: aggregate.entity,
      fact,
      version,
      cloudEventType: cloudEventTypeOf(aggregate.entity, fact, version),
      summary: spec.summary,
      payload: spec.payload,
      example: spec.example as unknown as JsonObject,
    };
  });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const UUID_SHAPE = '00000000-0000-0000-0000-000000000000';

/** Whether a stream is one of the type's: its prefix, then an id of the right kind. */
export function isStreamOf(type: PublishedEventType, streamName: string): boolean {
  if (!streamName.startsWith(type.streamPrefix)) return false;
  return type.streamId === 'any' || UUID.test(streamName.slice(type.streamPrefix.length));
}

/**
 * Whether some stream of the type could start with `prefix`: a prefix that is not the beginning
 * of a UUID (`calendar-feeds-` against the calendars' `calendar-<uuid>`) names none of its streams.
 */
export function mayShareStreams(type: PublishedEventType, prefix: string): boolean {
  if (type.streamPrefix.startsWith(prefix)) return true;
  if (!prefix.startsWith(type.streamPrefix)) return false;
  if (type.streamId === 'any') return true;
  const rest = prefix.slice(type.streamPrefix.length);
  return (
    rest.length <= UUID_SHAPE.length &&
    [...rest].every((char, index) => (UUID_SHAPE[index] === '-' ? char === '-' : /[0-9a-f]/i.test(char)))
  );
}
