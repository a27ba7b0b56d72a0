import { EventEmitter } from 'node:events';
import {
  type AllStreamResolvedEvent,
  type AppendExpectedRevision,
  type AppendResult,
  type EventStoreDBClient,
  type Filter,
  type JSONEventData,
  type Position,
  type ReadPosition,
  type ReadRevision,
  StreamNotFoundError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';

/*
 * A stand-in for an EventStoreDB server, the one part of the world these tests cannot run. It
 * keeps what the adapter relies on, as the server documents it: `$all` ordered by
 * `(commit, prepare)` byte positions, the events of one append sharing the commit position of
 * its first record; system records between ours; reads that start inclusively at a record and
 * refuse any other number as an invalid position; subscriptions that start after their position,
 * filter on the server and announce `caughtUp`; optimistic concurrency with the client's
 * WrongExpectedVersionError; idempotent appends when retried with the same expectation.
 * It is not EventStoreDB: the contract suite must also pass against a real server (ESDB_URL).
 */

interface StoredRecord {
  streamId: string;
  id: string;
  type: string;
  revision: bigint;
  created: Date;
  data: string;
  metadata: string;
  position: Position;
}

function compare(a: Position, b: Position): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  if (a.prepare !== b.prepare) return a.prepare < b.prepare ? -1 : 1;
  return 0;
}

function toResolved(record: StoredRecord): AllStreamResolvedEvent {
  return {
    event: {
      streamId: record.streamId,
      id: record.id,
      revision: record.revision,
      type: record.type,
      data: JSON.parse(record.data) as Record<string, unknown>,
      metadata: JSON.parse(record.metadata) as Record<string, unknown>,
      isJson: true,
      created: record.created,
      position: record.position,
    },
  };
}

export class FakeEsdbServer {
  private readonly log: StoredRecord[] = [];
  private readonly streams = new Map<string, StoredRecord[]>();
  private readonly changed = new EventEmitter();
  private nextOffset = 128n;
  private appends = 0;

  constructor() {
    this.changed.setMaxListeners(0);
  }

  /** A client of this server, standing in for `EventStoreDBClient` (only what the adapter uses). */
  client(): EventStoreDBClient {
    return new FakeEsdbClient(this) as unknown as EventStoreDBClient;
  }

  /** Every open subscription fails as on a lost connection. */
  dropSubscriptions(): void {
    this.changed.emit('drop', new Error('14 UNAVAILABLE: Connection dropped'));
  }

  append(streamName: string, events: JSONEventData[], expected: AppendExpectedRevision): AppendResult {
    const stream = this.streams.get(streamName) ?? [];
    const current = stream.length - 1;
    const idsAt = (from: number): boolean =>
      from >= 0 && events.every((event, index) => stream[from + index]?.id === event.id.toLowerCase());
    // The server's idempotency: the same events retried with the same expectation.
    const retriedAt =
      expected === 'no_stream' ? 0 : typeof expected === 'bigint' ? Number(expected) + 1 : undefined;
    if (retriedAt !== undefined && idsAt(retriedAt))
      return this.resultFor(stream, retriedAt + events.length - 1);
    if (expected === 'any' && idsAt(stream.length - events.length)) return this.resultFor(stream, current);
    const holds =
      expected === 'any' ||
      (expected === 'no_stream' && current < 0) ||
      (expected === 'stream_exists' && current >= 0) ||
      (typeof expected === 'bigint' && Number(expected) === current);
    if (!holds) {
      throw new WrongExpectedVersionError(undefined, {
        streamName,
        expected,
        current: current < 0 ? 'no_stream' : BigInt(current),
      });
    }
    const commit = this.nextOffset;
    const created = new Date();
    events.forEach((event, index) => {
      const data = JSON.stringify(event.data);
      const metadata = JSON.stringify(event.metadata);
      const record: StoredRecord = {
        streamId: streamName,
        // The server keeps an event id as a 16-byte UUID and gives it back in lower case.
        id: event.id.toLowerCase(),
        type: event.type,
        revision: BigInt(current + 1 + index),
        created,
        data,
        metadata,
        position: { commit, prepare: this.nextOffset },
      };
      this.nextOffset += BigInt(100 + data.length + metadata.length);
      stream.push(record);
      this.log.push(record);
    });
    this.streams.set(streamName, stream);
    if (++this.appends % 3 === 0) this.writeSystemRecord();
    this.changed.emit('append');
    return this.resultFor(stream, stream.length - 1);
  }

  readStream(streamName: string, forwards: boolean, from: ReadRevision, maxCount: number): StoredRecord[] {
    const stream = this.streams.get(streamName);
    if (stream === undefined) throw new StreamNotFoundError(undefined, streamName);
    if (forwards) {
      const start = from === 'start' ? 0 : from === 'end' ? stream.length : Number(from);
      return stream.slice(start, start + maxCount);
    }
    const start =
      from === 'end' ? stream.length - 1 : from === 'start' ? -1 : Math.min(Number(from), stream.length - 1);
    return stream.slice(Math.max(0, start - maxCount + 1), start + 1).reverse();
  }

  /** Forwards from a record inclusive, backwards from a record exclusive, as the server reads `$all`. */
  readAll(forwards: boolean, from: ReadPosition, maxCount: number): StoredRecord[] {
    if (from !== 'start' && from !== 'end') this.assertValid(from);
    if (forwards) {
      const start =
        from === 'start'
          ? 0
          : from === 'end'
            ? this.log.length
            : this.log.findIndex((r) => compare(r.position, from) >= 0);
      return start < 0 ? [] : this.log.slice(start, start + maxCount);
    }
    const before =
      from === 'end'
        ? this.log.length
        : from === 'start'
          ? 0
          : this.log.filter((r) => compare(r.position, from) < 0).length;
    return this.log.slice(Math.max(0, before - maxCount), before).reverse();
  }

  /** Records after `from` (exclusive, as subscriptions start), then live ones, until stopped. */
  async *subscribe(
    from: ReadPosition,
    filter: Filter | undefined,
    feed: EventEmitter,
    stopped: () => boolean,
  ): AsyncGenerator<AllStreamResolvedEvent> {
    if (from !== 'start' && from !== 'end') this.assertValid(from);
    let index =
      from === 'start'
        ? 0
        : from === 'end'
          ? this.log.length
          : this.log.findIndex((r) => compare(r.position, from) > 0);
    if (index < 0) index = this.log.length;
    const regex = filter && 'regex' in filter ? new RegExp(filter.regex) : undefined;
    let failure: Error | undefined;
    let wake: (() => void) | undefined;
    // Records reach a subscriber on a later turn of the event loop, as from a network socket.
    const onChange = (): void => {
      setImmediate(() => wake?.());
    };
    const onDrop = (error: Error): void => {
      failure = error;
      setImmediate(() => wake?.());
    };
    this.changed.on('append', onChange);
    this.changed.on('drop', onDrop);
    const onStop = (): void => wake?.();
    feed.on('stop', onStop);
    let caughtUp = false;
    try {
      for (;;) {
        if (stopped()) return;
        if (failure) throw failure;
        const record = this.log[index];
        if (record === undefined) {
          if (!caughtUp) {
            caughtUp = true;
            feed.emit('caughtUp');
          }
          await new Promise<void>((resolve) => (wake = resolve));
          continue;
        }
        index++;
        const subject = filter?.filterOn === 'eventType' ? record.type : record.streamId;
        if (regex !== undefined && !regex.test(subject)) continue;
        yield toResolved(record);
      }
    } finally {
      this.changed.off('append', onChange);
      this.changed.off('drop', onDrop);
      feed.off('stop', onStop);
    }
  }

  private resultFor(stream: StoredRecord[], revision: number): AppendResult {
    const record = stream[revision] as StoredRecord;
    return {
      success: true,
      nextExpectedRevision: record.revision,
      position: { commit: record.position.commit, prepare: record.position.commit },
    };
  }

  /** The server reads only from the start of a record: `{p, p}` or a record's own position. */
  private assertValid(position: Position): void {
    const valid = this.log.some(
      (r) =>
        compare(r.position, position) === 0 ||
        (position.commit === position.prepare && r.position.prepare === position.prepare),
    );
    const atEnd = position.commit === this.nextOffset && position.prepare === this.nextOffset;
    if (!valid && !atEnd && !(position.commit === 0n && position.prepare === 0n)) {
      throw Object.assign(new Error('Trying to read from an invalid position.'), { code: 2 });
    }
  }

  private writeSystemRecord(): void {
    const record: StoredRecord = {
      streamId: '$stats-127.0.0.1:2113',
      id: `00000000-0000-4000-8000-${String(this.appends).padStart(12, '0')}`,
      type: '$statsCollected',
      revision: BigInt(this.appends),
      created: new Date(),
      data: '{}',
      metadata: '{}',
      position: { commit: this.nextOffset, prepare: this.nextOffset },
    };
    this.nextOffset += 64n;
    this.log.push(record);
  }
}

class FakeEsdbClient {
  constructor(private readonly server: FakeEsdbServer) {}

  async appendToStream(
    streamName: string,
    events: JSONEventData | JSONEventData[],
    options: { expectedRevision?: AppendExpectedRevision } = {},
  ): Promise<AppendResult> {
    await Promise.resolve();
    return this.server.append(
      streamName,
      Array.isArray(events) ? events : [events],
      options.expectedRevision ?? 'any',
    );
  }

  async *readStream(
    streamName: string,
    options: { direction?: string; fromRevision?: ReadRevision; maxCount?: number | bigint } = {},
  ): AsyncGenerator<AllStreamResolvedEvent> {
    const forwards = options.direction !== 'backwards';
    const records = this.server.readStream(
      streamName,
      forwards,
      options.fromRevision ?? (forwards ? 'start' : 'end'),
      Number(options.maxCount ?? Number.MAX_SAFE_INTEGER),
    );
    for (const record of records) yield toResolved(record);
  }

  async *readAll(
    options: { direction?: string; fromPosition?: ReadPosition; maxCount?: number | bigint } = {},
  ): AsyncGenerator<AllStreamResolvedEvent> {
    const forwards = options.direction !== 'backwards';
    const records = this.server.readAll(
      forwards,
      options.fromPosition ?? (forwards ? 'start' : 'end'),
      Number(options.maxCount ?? Number.MAX_SAFE_INTEGER),
    );
    for (const record of records) yield toResolved(record);
  }

  subscribeToAll(options: { fromPosition?: ReadPosition; filter?: Filter } = {}): unknown {
    const feed = new EventEmitter();
    let stopped = false;
    const source = this.server.subscribe(
      options.fromPosition ?? 'start',
      options.filter,
      feed,
      () => stopped,
    );
    return Object.assign(feed, {
      [Symbol.asyncIterator]: () => source,
      unsubscribe: async () => {
        stopped = true;
        feed.emit('stop');
      },
    });
  }

  async dispose(): Promise<void> {}
}
