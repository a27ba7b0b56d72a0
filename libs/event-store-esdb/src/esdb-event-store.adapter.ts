import {
  type AllStreamResolvedEvent,
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
import { fromPortPosition, startAround, toPortPosition } from './esdb-position';
import { revisionToNumber, toEsdbExpectedRevision } from './esdb-revision';
import { DEFAULT_RECONNECT_POLICY, EsdbSubscription, type LiveFeed, type ReconnectPolicy } from './esdb-subscription';

export interface EsdbEventStoreOptions {
  /** `esdb://host:2113?tls=false`, `esdb+discover://...`: the client's connection string. */
  connectionString: string;
  /**
   * How many of a stream's latest events are searched for already-appended ids before an append
   * (see `appendToStream`). Default 256.
   */
  idempotencyWindow?: number;
  reconnect?: ReconnectPolicy;
  /** Deadline of the connection probe done by `connectEsdbEventStore`, in ms. Default 5000. */
  connectTimeoutMs?: number;
}

const ADAPTER = 'eventstoredb';
/** Positions of events seen, so that resuming after a recent one costs no extra read. */
const POSITION_CACHE_SIZE = 10_000;
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
   * The server is idempotent on event ids only when an append is retried with the same expected
   * revision (and only best-effort with ANY); re-appended under another expectation, known events
   * would be written twice. So before appending we search the stream's latest
   * `idempotencyWindow` events for the ids, and search again when the server reports a conflict
   * (a concurrent twin may have won the race). A known append is answered from the append marker
   * the events carry (see esdb-event-mapping.ts). Limit: ids older than the window are not found,
   * and such a re-append is either refused as a conflict or, under ANY, written again.
   * After a successful append one small read finds the last event's prepare position, the port's
   * position: the server's answer carries the append's commit position, shared by all its events.
   */
  async appendToStream(streamName: string, events: readonly NewEvent[], expected: ExpectedRevision = ANY): Promise<AppendResult> {
    validateAppend(streamName, events);
    validateExpectedRevision(expected);
    const expectedRevision = toEsdbExpectedRevision(expected);
    const ids = events.map((event) => event.id.toLowerCase());
    const known = await this.findAppended(streamName, ids);
    if (known !== undefined) return known;
    try {
      const result = await this.client.appendToStream(
        streamName,
        events.map((event, index) => toEventData(event, index, events.length)),
        { expectedRevision },
      );
      return await this.resultAt(streamName, result.nextExpectedRevision);
    } catch (error) {
      if (isWrongExpectedVersionError(error)) {
        const twin = await this.findAppended(streamName, ids);
        if (twin !== undefined) return twin;
      }
      throw mapEsdbError(error, { streamName, expected });
    }
  }

  async readStream(streamName: string, options: ReadStreamOptions): Promise<RecordedEvent[]> {
    validateReadStreamOptions(streamName, options);
    const forwards = options.direction !== 'backwards';
    const fromRevision = options.fromRevision !== undefined ? BigInt(options.fromRevision) : forwards ? START : END;
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
        open: (from: Position | undefined): LiveFeed => this.client.subscribeToAll({ fromPosition: from ?? START, filter }),
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

  private async readAllPage(from: ReadPosition, forwards: boolean, maxCount: number): Promise<AllStreamResolvedEvent[]> {
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

  private async resultAt(streamName: string, revision: bigint): Promise<AppendResult> {
    const [last] = await this.readStream(streamName, {
      direction: 'forwards',
      fromRevision: revisionToNumber(revision),
      maxCount: 1,
    });
    if (last === undefined) {
      throw new EventStoreUnavailableError(`Stream ${streamName}: revision ${revision} was appended but cannot be read back`);
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
      throw new InvalidAppendError(
        `Stream ${streamName}: ${found.length} of the ${ids.length} event ids were already appended` +
          (found.length === ids.length ? ' by different appends' : '; an append must repeat an earlier one or be all new'),
        'events',
      );
    }
    return this.resultAt(streamName, [...appendLasts][0] as bigint);
  }

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
    timer = setTimeout(() => reject(new EventStoreUnavailableError(`EventStoreDB did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}
