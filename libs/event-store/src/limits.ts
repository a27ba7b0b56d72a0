import { InvalidAppendError, InvalidReadError } from './errors';
import type { NewEvent } from './event-envelope';
import type { ReadAllOptions, ReadStreamOptions, SubscribeToAllOptions } from './event-store.port';
import { ANY, type ExpectedRevision, NO_STREAM, STREAM_EXISTS } from './expected-revision';

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
      throw new InvalidAppendError(
        `${at}.metadata.occurredAt must be an ISO-8601 time`,
        `${at}.metadata.occurredAt`,
      );
    }
    assertPlainJson(event.data, `${at}.data`);
    assertPlainJson(meta, `${at}.metadata`);
    const data = toJson(event.data, `${at}.data`);
    const metadata = toJson(meta, `${at}.metadata`);
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

/** `undefined` (the parameter left out) counts as `ANY`, as in EventStoreDB's clients. */
export function validateExpectedRevision(expected: ExpectedRevision | undefined): void {
  if (expected === undefined || expected === ANY || expected === NO_STREAM || expected === STREAM_EXISTS)
    return;
  if (typeof expected !== 'number' || !Number.isSafeInteger(expected) || expected < 0) {
    throw new InvalidAppendError(
      `expected must be ${NO_STREAM}, ${STREAM_EXISTS}, ${ANY} or a revision (an integer from 0), got ${String(expected)}`,
      'expected',
    );
  }
}

export function validateReadStreamOptions(streamName: string, options: ReadStreamOptions): void {
  try {
    validateStreamName(streamName);
  } catch (error) {
    throw new InvalidReadError((error as Error).message, 'streamName');
  }
  validateOptionsObject(options);
  validateDirection(options.direction);
  validatePageSize(options.maxCount);
  if (options.fromRevision !== undefined) validatePosition(options.fromRevision, 'fromRevision');
}

export function validateReadAllOptions(options: ReadAllOptions): void {
  validateOptionsObject(options);
  validateDirection(options.direction);
  validatePageSize(options.maxCount);
  if (options.after !== undefined) validatePosition(options.after, 'after');
  validateFilters(options);
}

export function validateSubscribeOptions(options: SubscribeToAllOptions): void {
  validateOptionsObject(options);
  if (options.after !== undefined) validatePosition(options.after, 'after');
  validateFilters(options);
}

function toJson(value: unknown, field: string): string {
  try {
    return JSON.stringify(value);
  } catch (error) {
    // Only nesting deeper than JSON.stringify's recursion allows gets past assertPlainJson.
    throw new InvalidAppendError(`${field} cannot be written as JSON: ${(error as Error).message}`, field);
  }
}

/** A value met while walking, with the way back to the root to name its path on refusal. */
interface Visit {
  value: unknown;
  parent: Visit | undefined;
  key: string | number;
  /** Set on the second visit of an object or array, after its children: it leaves the ancestry. */
  leaving?: boolean;
}

/**
 * Refuses what JSON.stringify would silently drop or change (undefined, functions and symbols
 * vanish, NaN and Infinity become null, a Date becomes a string, a Map `{}`) and what it throws
 * on (bigint, cycles), naming the exact path. Stored events are forever: a value that comes back
 * different from what the writer gave is data loss. The walk uses its own stack, so deeply nested
 * data is refused or accepted without overflowing the call stack, and builds path strings only
 * on refusal. A shared (non-cyclic) reference is plain JSON and is accepted.
 */
function assertPlainJson(root: unknown, rootPath: string): void {
  const ancestors = new Set<object>();
  const stack: Visit[] = [{ value: root, parent: undefined, key: rootPath }];
  for (let visit = stack.pop(); visit !== undefined; visit = stack.pop()) {
    const { value } = visit;
    if (visit.leaving) {
      ancestors.delete(value as object);
      continue;
    }
    if (value === null || typeof value === 'string' || typeof value === 'boolean') continue;
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) refuse(visit, `${String(value)}, which JSON cannot hold`);
      continue;
    }
    if (typeof value !== 'object') refuse(visit, `a ${typeof value}, which JSON cannot hold`);
    if (ancestors.has(value)) refuse(visit, 'a reference to one of its own containers (a cycle)');
    if (Array.isArray(value)) {
      ancestors.add(value);
      stack.push({ ...visit, leaving: true });
      for (let index = value.length - 1; index >= 0; index--) {
        // A hole would be written as null.
        if (!(index in value)) refuse({ value: undefined, parent: visit, key: index }, 'a hole in an array');
        stack.push({ value: value[index], parent: visit, key: index });
      }
      continue;
    }
    if (!isPlainObject(value)) refuse(visit, `${describeObject(value)}, not a plain object`);
    if (Object.getOwnPropertySymbols(value).length > 0) refuse(visit, 'an object with symbol keys');
    ancestors.add(value);
    stack.push({ ...visit, leaving: true });
    const keys = Object.keys(value);
    for (let index = keys.length - 1; index >= 0; index--) {
      const key = keys[index]!;
      stack.push({ value: (value as Record<string, unknown>)[key], parent: visit, key });
    }
  }
}

/** Object literals and JSON.parse results, from this realm or another (a vm context, a worker). */
function isPlainObject(value: object): boolean {
  const prototype = Object.getPrototypeOf(value) as object | null;
  if (prototype === null || prototype === Object.prototype) return true;
  return (
    Object.getPrototypeOf(prototype) === null &&
    (prototype as { constructor?: { name?: unknown } }).constructor?.name === 'Object'
  );
}

function describeObject(value: object): string {
  const name = (value as { constructor?: { name?: unknown } }).constructor?.name;
  return typeof name === 'string' && name.length > 0 ? `a ${name}` : 'an object with a custom prototype';
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

function refuse(visit: Visit, what: string): never {
  let path = '';
  for (let at: Visit | undefined = visit; at !== undefined; at = at.parent) {
    const { key } = at;
    if (at.parent === undefined) path = `${String(key)}${path}`;
    else if (typeof key === 'number') path = `[${key}]${path}`;
    else path = IDENTIFIER.test(key) ? `.${key}${path}` : `[${JSON.stringify(key)}]${path}`;
  }
  throw new InvalidAppendError(`${path} is ${what}; events hold plain JSON only`, path);
}

function validateOptionsObject(options: unknown): void {
  if (options === null || typeof options !== 'object') {
    throw new InvalidReadError('Options are required', 'options');
  }
}

function validateDirection(direction: unknown): void {
  if (direction !== undefined && direction !== 'forwards' && direction !== 'backwards') {
    throw new InvalidReadError(
      `direction must be forwards or backwards, got ${String(direction)}`,
      'direction',
    );
  }
}

function validatePageSize(maxCount: unknown): void {
  if (
    typeof maxCount !== 'number' ||
    !Number.isSafeInteger(maxCount) ||
    maxCount < 1 ||
    maxCount > EVENT_STORE_LIMITS.maxPageSize
  ) {
    throw new InvalidReadError(
      `maxCount must be an integer from 1 to ${EVENT_STORE_LIMITS.maxPageSize}, got ${String(maxCount)}`,
      'maxCount',
    );
  }
}

function validatePosition(value: unknown, field: string): void {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new InvalidReadError(`${field} must be an integer from 0, got ${String(value)}`, field);
  }
}

function validateFilters(options: {
  eventTypes?: readonly string[];
  streamPrefixes?: readonly string[];
}): void {
  for (const field of ['eventTypes', 'streamPrefixes'] as const) {
    const list = options[field];
    if (list === undefined) continue;
    if (!Array.isArray(list)) throw new InvalidReadError(`${field} must be an array of strings`, field);
    list.forEach((item: unknown, index) => {
      if (typeof item !== 'string' || item.length === 0) {
        throw new InvalidReadError(`${field}[${index}] must be a non-empty string`, `${field}[${index}]`);
      }
    });
  }
}
