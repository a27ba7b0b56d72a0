import {
  type AllStreamResolvedEvent,
  type AppendResult as EsdbAppendResult,
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  type Position,
  type ReadPosition,
  START,
} from '@eventstore/db-client';
import {
  ANY,
  type AppendResult,
  type EventStore,
  type EventStoreHealth,
  type EventSubscription,
  EventStoreUnavailableError,
  type ExpectedRevision,
  InvalidAppendError,
  type NewEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type SubscribeToAllOptions,
  validateAppend,
  validateExpectedRevision,
  validateReadAllOptions,
  validateReadStreamOptions,
  validateSubscribeOptions,
} from '@fieldstream/event-store';
import { isStreamNotFoundError, isWrongExpectedVersionError, mapEsdbError } from './esdb-errors';
import {
  appendMarkerOf,
  isSystemEvent,
  matchesSelection,
  toEventData,
  toRecordedEvent,
  toServerFilter,
} from './esdb-event-mapping';
import { PositionIndex } from './esdb-position-index';
import { RecentAppends } from './esdb-recent-appends';
import { fromPortPosition, startAround, toPortPosition } from './esdb-position';
import { revisionToNumber, toEsdbExpectedRevision } from './esdb-revision';
import {
  DEFAULT_RECONNECT_POLICY,
  EsdbSubscription,
  type LiveFeed,
  type ReconnectPolicy,
} from './esdb-subscription';

export interface EsdbEventStoreOptions {
  /** `esdb://host:2113?tls=false`, `esdb+discover://...`: the client's connection string. */
  connectionString: string;
  /**
   * How many of a stream's latest events are searched for already-appended ids after an append
   * met a conflict (see `appendToStream`). Default 256.
   */
  idempotencyWindow?: number;
  reconnect?: ReconnectPolicy;
  /** Deadline of the connection probe done by `connectEsdbEventStore`, in ms. Default 5000. */
  connectTimeoutMs?: number;
}

const ADAPTER = 'eventstoredb';
/** Positions of events seen, so that resuming after a recent one costs no extra read. */
const POSITION_CACHE_SIZE = 10_000;
/** Event ids of this process's latest appends kept to answer repeats; see `appendToStream`. */
const RECENT_APPEND_IDS = 10_000;
/** Records read per round trip when scanning `$all` (system records and filtered ones included). */
const SCAN_PAGE = 500;
/** A known event this close (in log bytes) to a wanted position is a good enough place to start. */
const NEAR_BYTES = 1024n * 1024n;

function abs(value: bigint): bigint {
  return value < 0n ? -value : value;
}

/**
 * The production event store on EventStoreDB / KurrentDB. Thin: the server keeps streams,
 * revisions, optimistic concurrency and `$all`; this class maps the port's words to the client's
 * and completes what the server leaves open (idempotent re-appends, one-number positions).
 */
export class EsdbEventStore implements EventStore {
  private readonly positions = new PositionIndex(POSITION_CACHE_SIZE);
  private readonly subscriptions = new Set<EsdbSubscription>();
  private readonly recentAppends = new RecentAppends(RECENT_APPEND_IDS);
  private readonly idempotencyWindow: number;
  private readonly reconnect: ReconnectPolicy;

  constructor(
    private readonly client: EventStoreDBClient,
    options: Omit<EsdbEventStoreOptions, 'connectionString'> = {},
  ) {
    this.idempotencyWindow = options.idempotencyWindow ?? 256;
    this.reconnect = options.reconnect ?? DEFAULT_RECONNECT_POLICY;
  }

  /**
   * One round trip for the common case: append first, and look for the ids only when the server's
   * answer leaves a repeat possible.
   *
   * Idempotency (the port promises that a repeated append writes nothing and answers the first
   * result), as far as the server allows:
   * - A repeat this process made lately is answered from memory (RecentAppends), before any
   *   round trip, whatever its expectation: this covers the cases the server cannot see.
   * - A repeat under a stale expectation (a numeric revision or NO_STREAM the stream has moved
   *   past) is either recognised by the server (same expectation as the first append: it answers
   *   the first append's revision) or refused as WrongExpectedVersion; only then do we read the
   *   stream's latest `idempotencyWindow` events for the ids (a concurrent twin may have won).
   * - Under ANY / STREAM_EXISTS the server deduplicates ids itself, best effort (recent appends
   *   only); when it does, its answer carries the first append's revision and no position, and
   *   the read-back below finds the first append's position.
   * Limits, for repeats this process does not remember (another process, a restart, more than
   *   the memory holds): a repeat whose expectation equals the current revision, or one under ANY
   *   / STREAM_EXISTS the server no longer recognises, is written again; a repeat whose ids lie
   *   deeper than the window is refused as a conflict. A repeat mixing known and new ids is
   *   refused (InvalidAppendError) when we see it, written when only the server could.
   *
   * Position: the port's position is the last event's prepare position. The server answers the
   * append's commit position, which is its first event's prepare position: for a one-event
   * append that is the answer; for more events (or no position, as after a deduplicated
   * repeat) one read of the last event finds it.
   */
  async appendToStream(
    streamName: string,
    events: readonly NewEvent[],
    expected: ExpectedRevision = ANY,
  ): Promise<AppendResult> {
    validateAppend(streamName, events);
    validateExpectedRevision(expected);
    const expectedRevision = toEsdbExpectedRevision(expected);
    const ids = events.map((event) => event.id.toLowerCase());
    const recent = this.recentAppends.lookup(streamName, ids);
    if (recent.kind === 'repeat') return recent.result;
    if (recent.kind === 'mixed')
      throw mixedIdsError(streamName, recent.known, ids.length, recent.known === ids.length);
    let answer: AppendResult;
    try {
      const result = await this.client.appendToStream(
        streamName,
        events.map((event, index) => toEventData(event, index, events.length)),
        { expectedRevision },
      );
      answer = await this.resultOf(streamName, events.length, result);
    } catch (error) {
      const twin = isWrongExpectedVersionError(error) ? await this.findAppended(streamName, ids) : undefined;
      if (twin === undefined) throw mapEsdbError(error, { streamName, expected });
      answer = twin;
    }
    this.recentAppends.remember(streamName, ids, answer);
    return answer;
  }

  async readStream(streamName: string, options: ReadStreamOptions): Promise<RecordedEvent[]> {
    validateReadStreamOptions(streamName, options);
    const forwards = options.direction !== 'backwards';
    const fromRevision =
      options.fromRevision !== undefined ? BigInt(options.fromRevision) : forwards ? START : END;
    try {
      const out: RecordedEvent[] = [];
      const read = this.client.readStream(streamName, {
        direction: forwards ? FORWARDS : BACKWARDS,
        fromRevision,
        maxCount: options.maxCount,
      });
      for await (const resolved of read) {
        const record = toRecordedEvent(resolved);
        if (record === undefined) continue;
        if (resolved.event?.position) this.positions.remember(resolved.event.position);
        out.push(record);
      }
      return out;
    } catch (error) {
      if (isStreamNotFoundError(error)) return [];
      throw mapEsdbError(error, { streamName });
    }
  }

  /**
   * The client of this version cannot filter `readAll` on the server, so we read raw pages and
   * filter here, continuing until the page is full or the log ends: a short page always means
   * the end, as the port's callers expect.
   */
  async readAll(options: ReadAllOptions): Promise<RecordedEvent[]> {
    validateReadAllOptions(options);
    const { maxCount } = options;
    const selection = { eventTypes: options.eventTypes, streamPrefixes: options.streamPrefixes };
    const forwards = options.direction !== 'backwards';
    let boundary = options.after === undefined ? undefined : fromPortPosition(options.after);
    try {
      let from: ReadPosition = forwards ? START : END;
      if (boundary !== undefined) from = await this.startFor(boundary, forwards);
      const out: RecordedEvent[] = [];
      for (;;) {
        const page = await this.readAllPage(from, forwards, SCAN_PAGE);
        for (const resolved of page) {
          const event = resolved.event;
          if (event === undefined) continue;
          const prepare = event.position.prepare;
          from = event.position;
          // Reads start inclusively and maybe before the boundary: keep only what lies beyond it.
          if (boundary !== undefined && (forwards ? prepare <= boundary : prepare >= boundary)) continue;
          boundary = prepare;
          if (!matchesSelection(event.streamId, event.type, selection)) continue;
          const record = toRecordedEvent(resolved);
          if (record === undefined) continue;
          this.positions.remember(event.position);
          out.push(record);
          if (out.length === maxCount) return out;
        }
        if (page.length < SCAN_PAGE) return out;
      }
    } catch (error) {
      throw mapEsdbError(error);
    }
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): EventSubscription {
    validateSubscribeOptions(options);
    const selection = { eventTypes: options.eventTypes, streamPrefixes: options.streamPrefixes };
    const filter = toServerFilter(selection);
    const subscription: EsdbSubscription = new EsdbSubscription(
      {
        open: (from: Position | undefined): LiveFeed =>
          this.client.subscribeToAll({ fromPosition: from ?? START, filter }),
        resolve: async (position: number) => {
          const start = await this.startFor(fromPortPosition(position), true);
          return typeof start === 'string' ? undefined : start;
        },
      },
      {
        ...(options.after !== undefined ? { after: options.after } : {}),
        selection,
        ...(options.signal ? { signal: options.signal } : {}),
        reconnect: this.reconnect,
      },
      (closed) => this.subscriptions.delete(closed),
    );
    if (subscription.health().state !== 'stopped') this.subscriptions.add(subscription);
    return subscription;
  }

  /** The last event of ours in `$all`, read backwards past any system records after it. */
  async headPosition(): Promise<number> {
    try {
      let from: ReadPosition = END;
      let boundary: bigint | undefined;
      // Usually the very last record is ours: ask for one first, then scan in pages.
      let pageSize = 1;
      for (;;) {
        const page = await this.readAllPage(from, false, pageSize);
        for (const resolved of page) {
          const event = resolved.event;
          if (event === undefined) continue;
          from = event.position;
          if (boundary !== undefined && event.position.prepare >= boundary) continue;
          boundary = event.position.prepare;
          if (!isSystemEvent(event.streamId, event.type)) {
            this.positions.remember(event.position);
            return toPortPosition(event.position);
          }
        }
        if (page.length < pageSize) return 0;
        pageSize = SCAN_PAGE;
      }
    } catch (error) {
      throw mapEsdbError(error);
    }
  }

  async health(): Promise<EventStoreHealth> {
    try {
      const headPosition = await this.headPosition();
      return { ok: true, adapter: ADAPTER, headPosition };
    } catch (error) {
      return { ok: false, adapter: ADAPTER, detail: error instanceof Error ? error.message : String(error) };
    }
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    await this.client.dispose();
  }

  private async readAllPage(
    from: ReadPosition,
    forwards: boolean,
    maxCount: number,
  ): Promise<AllStreamResolvedEvent[]> {
    const page: AllStreamResolvedEvent[] = [];
    for await (const resolved of this.client.readAll({
      fromPosition: from,
      direction: forwards ? FORWARDS : BACKWARDS,
      maxCount,
    })) {
      page.push(resolved);
    }
    return page;
  }

  /**
   * A real record from which reading forwards (backwards) meets every event after (before) the
   * port position `after`; see esdb-position.ts. Known positions first; then a one-record backward
   * probe, which the server answers when `after` is the start of a record; failing that (any
   * other number), the nearest known event, or a backward scan from the end of the log.
   */
  private async startFor(after: bigint, forwards: boolean): Promise<Position | typeof START | typeof END> {
    const exact = this.positions.exact(after);
    if (exact !== undefined) return exact;
    const near = forwards ? this.positions.floor(after) : this.positions.ceiling(after);
    if (near !== undefined && abs(near.prepare - after) <= NEAR_BYTES) return near;
    let probe: AllStreamResolvedEvent[] | undefined;
    try {
      probe = await this.readAllPage({ commit: after, prepare: after }, false, 1);
    } catch (error) {
      if (mapEsdbError(error) instanceof EventStoreUnavailableError) throw error;
    }
    if (probe !== undefined) {
      const start = startAround(after, probe[0]?.event?.position, forwards);
      return start === 'start' ? START : start;
    }
    if (near !== undefined) return near;
    if (!forwards) return END;
    return this.scanBackTo(after);
  }

  /** The last event at or before `after`, found by reading the log backwards from its end. */
  private async scanBackTo(after: bigint): Promise<Position | typeof START> {
    let from: ReadPosition = END;
    let boundary: bigint | undefined;
    for (;;) {
      const page = await this.readAllPage(from, false, SCAN_PAGE);
      for (const resolved of page) {
        const position = resolved.event?.position;
        if (position === undefined) continue;
        from = position;
        if (boundary !== undefined && position.prepare >= boundary) continue;
        boundary = position.prepare;
        if (position.prepare <= after) return position;
      }
      if (page.length < SCAN_PAGE) return START;
    }
  }

  /** The port's answer to a successful append; see `appendToStream` on positions. */
  private async resultOf(streamName: string, count: number, result: EsdbAppendResult): Promise<AppendResult> {
    if (count === 1 && result.position !== undefined) {
      // One event: its own position is the append's commit position, prepare = commit.
      const position = { commit: result.position.commit, prepare: result.position.commit };
      this.positions.remember(position);
      return {
        nextExpectedRevision: revisionToNumber(result.nextExpectedRevision),
        position: toPortPosition(position),
      };
    }
    return this.resultAt(streamName, result.nextExpectedRevision);
  }

  private async resultAt(streamName: string, revision: bigint): Promise<AppendResult> {
    const [last] = await this.readStream(streamName, {
      direction: 'forwards',
      fromRevision: revisionToNumber(revision),
      maxCount: 1,
    });
    if (last === undefined) {
      throw new EventStoreUnavailableError(
        `Stream ${streamName}: revision ${revision} was appended but cannot be read back`,
      );
    }
    return { nextExpectedRevision: last.revision, position: last.position };
  }

  /** The earlier append's result when `ids` repeat (all of) one earlier append's ids. */
  private async findAppended(streamName: string, ids: readonly string[]): Promise<AppendResult | undefined> {
    const wanted = new Set(ids);
    const found: { revision: bigint; appendLast: bigint | undefined }[] = [];
    try {
      for await (const resolved of this.client.readStream(streamName, {
        direction: BACKWARDS,
        fromRevision: END,
        maxCount: this.idempotencyWindow,
      })) {
        const event = resolved.event;
        if (event === undefined || !wanted.has(event.id.toLowerCase())) continue;
        const marker = appendMarkerOf(event.metadata);
        found.push({
          revision: event.revision,
          appendLast: marker && event.revision - BigInt(marker.index) + BigInt(marker.count - 1),
        });
      }
    } catch (error) {
      if (isStreamNotFoundError(error)) return undefined;
      throw mapEsdbError(error, { streamName });
    }
    if (found.length === 0) return undefined;
    // Events written by other tools carry no marker: their own revision stands for their append.
    const appendLasts = new Set(found.map((event) => event.appendLast ?? event.revision));
    if (found.length !== ids.length || appendLasts.size !== 1) {
      throw mixedIdsError(streamName, found.length, ids.length, found.length === ids.length);
    }
    return this.resultAt(streamName, [...appendLasts][0] as bigint);
  }
}

function mixedIdsError(
  streamName: string,
  known: number,
  count: number,
  byDifferentAppends: boolean,
): InvalidAppendError {
  return new InvalidAppendError(
    `Stream ${streamName}: ${known} of the ${count} event ids were already appended` +
      (byDifferentAppends ? ' by different appends' : '; an append must repeat an earlier one or be all new'),
    'events',
  );
}

/**
 * Connects and probes the server once, so a wrong address fails now with
 * EventStoreUnavailableError rather than at the first append.
 */
export async function connectEsdbEventStore(options: EsdbEventStoreOptions): Promise<EsdbEventStore> {
  const connectionString: unknown = options?.connectionString;
  if (typeof connectionString !== 'string' || !/^esdb(\+discover)?:\/\//.test(connectionString)) {
    throw new TypeError(
      'connectEsdbEventStore: connectionString must be an EventStoreDB connection string such as esdb://localhost:2113?tls=false',
    );
  }
  let client: EventStoreDBClient;
  try {
    client = EventStoreDBClient.connectionString(connectionString);
  } catch (error) {
    throw new TypeError(
      `connectEsdbEventStore: connectionString is not valid: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
  const store = new EsdbEventStore(client, options);
  try {
    await withDeadline(store.headPosition(), options.connectTimeoutMs ?? 5_000);
  } catch (error) {
    await client.dispose().catch(() => undefined);
    const mapped = mapEsdbError(error);
    if (mapped instanceof EventStoreUnavailableError) throw mapped;
    throw new EventStoreUnavailableError(
      `EventStoreDB did not answer the connection probe: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
  return store;
}

function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new EventStoreUnavailableError(`EventStoreDB did not answer within ${ms} ms`)),
      ms,
    );
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}
