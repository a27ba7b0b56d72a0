import {
  type AllStreamResolvedEvent,
  type Filter as EsdbFilter,
  type JSONEventData,
  type ResolvedEvent,
  eventTypeFilter,
  excludeSystemEvents,
  jsonEvent,
  streamNameFilter,
} from '@eventstore/db-client';
import type { EventMetadata, JsonObject, NewEvent, RecordedEvent } from '@fieldstream/event-store';
import { toPortPosition } from './esdb-position';
import { revisionToNumber } from './esdb-revision';

/**
 * EventStoreDB does not remember which events were appended together, yet the port answers a
 * repeated append with the earlier append's result (its last revision). So each event carries its
 * place in its append in one reserved metadata key, removed again when the event is read.
 */
export const APPEND_MARKER_KEY = '$fieldstreamAppend';

export interface AppendMarker {
  index: number;
  count: number;
}

export function toEventData(event: NewEvent, index: number, count: number): JSONEventData {
  const marker: AppendMarker = { index, count };
  return jsonEvent({
    id: event.id,
    type: event.type,
    data: event.data,
    metadata: { ...event.metadata, [APPEND_MARKER_KEY]: marker },
  });
}

/** The event's place in its append, when it was written by this adapter. */
export function appendMarkerOf(metadata: unknown): AppendMarker | undefined {
  if (!isJsonObject(metadata)) return undefined;
  const marker = metadata[APPEND_MARKER_KEY];
  if (!isJsonObject(marker)) return undefined;
  const { index, count } = marker;
  if (typeof index !== 'number' || typeof count !== 'number' || !(index >= 0 && index < count))
    return undefined;
  return { index, count };
}

/** Streams and event types starting with `$` belong to the server ($stats, $metadata, links...). */
export function isSystemEvent(streamName: string, type: string): boolean {
  return streamName.startsWith('$') || type.startsWith('$');
}

type AnyResolved = ResolvedEvent | AllStreamResolvedEvent;
type ClientRecorded = NonNullable<AnyResolved['event']>;

/**
 * The recorded event of a resolved one. We never ask the server to resolve links, so `event` is
 * the record itself. A record that was not written through the port (binary data, no JSON
 * metadata) answers undefined: it is not one of our events and the port promises JSON envelopes.
 */
export function toRecordedEvent(resolved: AnyResolved): RecordedEvent | undefined {
  const event: ClientRecorded | undefined = resolved.event;
  if (event === undefined) return undefined;
  if (event.position === undefined) {
    throw new Error(
      `EventStoreDB returned event ${event.id} without its log position; a server of version 22.6 or later is required`,
    );
  }
  if (!event.isJson || !isJsonObject(event.data) || !isJsonObject(event.metadata)) {
    return undefined;
  }
  return {
    id: event.id,
    type: event.type,
    streamName: event.streamId,
    revision: revisionToNumber(event.revision),
    position: toPortPosition(event.position),
    recordedAt: event.created.toISOString(),
    data: event.data as JsonObject,
    metadata: withoutMarker(event.metadata),
  };
}

function withoutMarker(metadata: Record<string, unknown>): EventMetadata {
  const { [APPEND_MARKER_KEY]: _marker, ...rest } = metadata;
  return rest as EventMetadata;
}

function isJsonObject(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array)
  );
}

export interface EventSelection {
  eventTypes?: readonly string[];
  streamPrefixes?: readonly string[];
}

/** The client-side check, applied to every event even when the server filtered already. */
export function matchesSelection(streamName: string, type: string, selection: EventSelection): boolean {
  if (isSystemEvent(streamName, type)) return false;
  if (selection.eventTypes && !selection.eventTypes.includes(type)) return false;
  if (selection.streamPrefixes && !selection.streamPrefixes.some((prefix) => streamName.startsWith(prefix)))
    return false;
  return true;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A server-side filter for a subscription. The server filters on one thing only (event type or
 * stream name), so with both we let it filter on types and check prefixes here. Types use an
 * anchored regex, not the client's prefix filter, because `Opened` must not match `OpenedLate`.
 */
export function toServerFilter(selection: EventSelection): EsdbFilter {
  if (selection.eventTypes) {
    return eventTypeFilter({ regex: `^(?:${selection.eventTypes.map(escapeRegex).join('|')})$` });
  }
  if (selection.streamPrefixes) {
    return streamNameFilter({ regex: `^(?:${selection.streamPrefixes.map(escapeRegex).join('|')})` });
  }
  return excludeSystemEvents();
}
