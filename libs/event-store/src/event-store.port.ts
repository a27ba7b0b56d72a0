import type { AppendResult, NewEvent, RecordedEvent } from './event-envelope';
import type { ExpectedRevision } from './expected-revision';

export type Direction = 'forwards' | 'backwards';

export interface ReadStreamOptions {
  direction?: Direction;
  /** Inclusive start revision; default the first (forwards) or the last (backwards). */
  fromRevision?: number;
  /** Page size, required: reads are always paged. At most EVENT_STORE_LIMITS.maxPageSize. */
  maxCount: number;
}

export interface ReadAllOptions {
  direction?: Direction;
  /**
   * Exclusive: forwards returns events after this position, backwards events before it.
   * Omitted: from the start (forwards) or the end (backwards).
   */
  after?: number;
  maxCount: number;
  /** Only events of these types (filtered by the store where it can). */
  eventTypes?: readonly string[];
  /** Only events of streams whose name starts with one of these prefixes (e.g. `service-request-`). */
  streamPrefixes?: readonly string[];
}

export interface SubscribeToAllOptions {
  /** Exclusive position to start after; omitted means from the very beginning. */
  after?: number;
  eventTypes?: readonly string[];
  streamPrefixes?: readonly string[];
  /** Aborting ends the iteration cleanly. */
  signal?: AbortSignal;
}

/** Subscription liveness, for health checks. */
export interface SubscriptionHealth {
  state: 'catching-up' | 'live' | 'reconnecting' | 'stopped';
  /** Last position delivered to the consumer. */
  lastPosition?: number;
  /** Reconnections since the subscription started. */
  reconnects: number;
  lastError?: string;
}

export interface EventSubscription extends AsyncIterable<RecordedEvent> {
  health(): SubscriptionHealth;
  /** Stops following; a pending `next()` resolves with done. */
  close(): Promise<void>;
}

export interface EventStoreHealth {
  ok: boolean;
  adapter: string;
  detail?: string;
  /** Position of the last event in the log, when known. */
  headPosition?: number;
}

/** The event store port. Domain and application code depend on this, never on a driver. */
export interface EventStore {
  /**
   * Appends events atomically. Throws WrongExpectedRevisionError when `expected` does not hold,
   * InvalidAppendError (before writing anything) for bad input. Idempotent: re-appending events
   * whose ids one earlier append already wrote to this stream changes nothing and answers with
   * that earlier append's result (whatever `expected` says now); an append mixing known and
   * new ids is refused with InvalidAppendError.
   * `expected` omitted means ANY; anything else than the four forms is an InvalidAppendError on `expected`.
   * Resolves only once the events are durable.
   */
  appendToStream(
    streamName: string,
    events: readonly NewEvent[],
    expected?: ExpectedRevision,
  ): Promise<AppendResult>;

  /** One page of a stream; an unknown stream gives an empty page. Bad options: InvalidReadError. */
  readStream(streamName: string, options: ReadStreamOptions): Promise<RecordedEvent[]>;

  /** One page of the whole log, in position order. */
  readAll(options: ReadAllOptions): Promise<RecordedEvent[]>;

  /** Catches up from `after`, then follows live; no gap and no duplicate across the switch. */
  subscribeToAll(options?: SubscribeToAllOptions): EventSubscription;

  /** Position of the last event in the log (0 when empty). */
  headPosition(): Promise<number>;

  health(): Promise<EventStoreHealth>;

  close(): Promise<void>;
}
