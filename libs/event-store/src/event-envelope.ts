/**
 * The envelope every event travels in. Data and metadata are plain JSON so that any adapter,
 * any integrator and any rebuild reads them the same way.
 */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export interface EventMetadata {
  /** Ties together every event caused, directly or not, by one user action or one external input. */
  correlationId: string;
  /** The id of the command or event that directly caused this one. */
  causationId: string;
  /** Who acted (a user id, `system`, a device or integration id). */
  actorId: string;
  /** The role the actor acted in (dispatcher, technician, system, ...). */
  actorRole: string;
  /** When the fact happened in the world, ISO-8601 UTC; may differ from when it was recorded. */
  occurredAt: string;
  /** Free fields (client, idempotency key, ...). Values must be JSON. */
  [key: string]: JsonValue | undefined;
}

/** An event about to be appended. */
export interface NewEvent<Type extends string = string, Data extends JsonObject = JsonObject> {
  /** UUID chosen by the writer; re-appending the same id to the same stream is a no-op. */
  id: string;
  type: Type;
  data: Data;
  metadata: EventMetadata;
}

/** An event as stored. */
export interface RecordedEvent<
  Type extends string = string,
  Data extends JsonObject = JsonObject,
> extends NewEvent<Type, Data> {
  streamName: string;
  /** Position of the event in its stream, from 0. */
  revision: number;
  /**
   * Position in the whole log; strictly increasing in `$all` order, comparable only between
   * events of the same store. Safe as a JavaScript number up to 2^53.
   */
  position: number;
  /** When the store recorded it, ISO-8601 UTC. */
  recordedAt: string;
}

/** The answer to a successful append. */
export interface AppendResult {
  /** Revision of the last event of the stream after the append. */
  nextExpectedRevision: number;
  /** Global position of the last appended event. */
  position: number;
}
