import { InvalidAppendError } from './errors';
import type { NewEvent } from './event-envelope';

/**
 * Limits every adapter enforces the same way, before writing anything. EventStoreDB's own
 * default maximum is about 16 MiB per append; ours are lower so that both adapters fail alike.
 */
export const EVENT_STORE_LIMITS = {
  /** Serialized data + metadata of one event. */
  maxEventBytes: 1024 * 1024,
  /** Events in one append. */
  maxEventsPerAppend: 1000,
  maxStreamNameLength: 200,
  maxEventTypeLength: 200,
  /** Largest page a read may ask for. */
  maxPageSize: 10_000,
} as const;

/**
 * A stream name is `category-id`: a category in lower camel or kebab words, a dash, and an id of
 * letters, digits, `_`, `-`, `.` or `:`. `$`-prefixed names are reserved for the store itself.
 */
export const STREAM_NAME_PATTERN = /^[a-z][a-zA-Z0-9]*(?:[a-zA-Z0-9]|-(?=[a-zA-Z0-9]))*-[A-Za-z0-9_.:-]+$/;

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EVENT_TYPE_PATTERN = /^[A-Za-z][A-Za-z0-9_.:-]*$/;

export function validateStreamName(streamName: string): void {
  if (typeof streamName !== 'string' || streamName.length === 0) {
    throw new InvalidAppendError('Stream name is required', 'streamName');
  }
  if (streamName.length > EVENT_STORE_LIMITS.maxStreamNameLength) {
    throw new InvalidAppendError(
      `Stream name is longer than ${EVENT_STORE_LIMITS.maxStreamNameLength} characters`,
      'streamName',
    );
  }
  if (!STREAM_NAME_PATTERN.test(streamName)) {
    throw new InvalidAppendError(
      `Stream name "${streamName}" is not of the form category-id (for example service-request-42)`,
      'streamName',
    );
  }
}

/** Validates an append and returns each event serialized, so adapters serialize only once. */
export function validateAppend(
  streamName: string,
  events: readonly NewEvent[],
): { data: string; metadata: string }[] {
  validateStreamName(streamName);
  if (!Array.isArray(events) || events.length === 0) {
    throw new InvalidAppendError('An append needs at least one event', 'events');
  }
  if (events.length > EVENT_STORE_LIMITS.maxEventsPerAppend) {
    throw new InvalidAppendError(
      `An append may carry at most ${EVENT_STORE_LIMITS.maxEventsPerAppend} events, got ${events.length}`,
      'events',
    );
  }
  const seen = new Set<string>();
  return events.map((event, index) => {
    const at = `events[${index}]`;
    if (typeof event.id !== 'string' || !UUID_PATTERN.test(event.id)) {
      throw new InvalidAppendError(`${at}.id must be a UUID`, `${at}.id`);
    }
    if (seen.has(event.id.toLowerCase())) {
      throw new InvalidAppendError(`${at}.id repeats an id earlier in the same append`, `${at}.id`);
    }
    seen.add(event.id.toLowerCase());
    if (
      typeof event.type !== 'string' ||
      event.type.length > EVENT_STORE_LIMITS.maxEventTypeLength ||
      !EVENT_TYPE_PATTERN.test(event.type)
    ) {
      throw new InvalidAppendError(`${at}.type must be a name such as ServiceRequestOpened`, `${at}.type`);
    }
    if (event.data === null || typeof event.data !== 'object' || Array.isArray(event.data)) {
      throw new InvalidAppendError(`${at}.data must be a JSON object`, `${at}.data`);
    }
    const meta = event.metadata;
    if (meta === null || typeof meta !== 'object') {
      throw new InvalidAppendError(`${at}.metadata is required`, `${at}.metadata`);
    }
    for (const key of ['correlationId', 'causationId', 'actorId', 'actorRole', 'occurredAt'] as const) {
      if (typeof meta[key] !== 'string' || meta[key].length === 0) {
        throw new InvalidAppendError(`${at}.metadata.${key} is required`, `${at}.metadata.${key}`);
      }
    }
    if (Number.isNaN(Date.parse(meta.occurredAt))) {
      throw new InvalidAppendError(`${at}.metadata.occurredAt must be an ISO-8601 time`, `${at}.metadata.occurredAt`);
    }
    const data = JSON.stringify(event.data);
    const metadata = JSON.stringify(meta);
    const bytes = Buffer.byteLength(data) + Buffer.byteLength(metadata);
    if (bytes > EVENT_STORE_LIMITS.maxEventBytes) {
      throw new InvalidAppendError(
        `${at} is ${bytes} bytes; the limit is ${EVENT_STORE_LIMITS.maxEventBytes}`,
        `${at}.data`,
      );
    }
    return { data, metadata };
  });
}
