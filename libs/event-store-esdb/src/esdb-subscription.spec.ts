import { EventEmitter } from 'node:events';
import type { AllStreamResolvedEvent, Position } from '@eventstore/db-client';
import type { RecordedEvent } from '@fieldstream/event-store';
import { toEventData } from './esdb-event-mapping';
import { EsdbSubscription, type LiveFeed, type SubscriptionSource } from './esdb-subscription';

/**
 * A stand-in for the EventStoreDB server, the one thing these tests cannot run: a log of records
 * and the catch-up subscriptions it serves. Like the server it starts inclusively at the position
 * it is given (the adapter must drop what it already has), announces `caughtUp`, and can drop
 * every open subscription as a lost connection would.
 */
class FakeServer {
  readonly log: AllStreamResolvedEvent[] = [];
  readonly opened: (Position | undefined)[] = [];
  private readonly feeds = new Set<FakeFeed>();
  failOpens = 0;

  append(streamId: string, type: string): void {
    const prepare = BigInt(100 * (this.log.length + 1));
    const data = toEventData(
      {
        id: `00000000-0000-4000-8000-${String(this.log.length).padStart(12, '0')}`,
        type,
        data: { n: this.log.length },
        metadata: {
          correlationId: 'c',
          causationId: 'c',
          actorId: 'a',
          actorRole: 'system',
          occurredAt: '2026-11-26T00:00:00Z',
        },
      },
      0,
      1,
    );
    this.log.push({
      event: {
        streamId,
        id: data.id,
        revision: 0n,
        type,
        data: data.data,
        metadata: data.metadata,
        isJson: true,
        created: new Date(),
        position: { commit: prepare, prepare },
      },
    } as AllStreamResolvedEvent);
    for (const feed of this.feeds) feed.wake();
  }

  source(): SubscriptionSource {
    return {
      open: (from) => {
        this.opened.push(from);
        const feed = new FakeFeed(this, from, this.failOpens > 0);
        if (this.failOpens > 0) this.failOpens--;
        this.feeds.add(feed);
        return feed;
      },
      resolve: async (position) => ({ commit: BigInt(position), prepare: BigInt(position) }),
    };
  }

  dropAll(): void {
    for (const feed of this.feeds) feed.drop(new Error('14 UNAVAILABLE: connection reset'));
  }

  forget(feed: FakeFeed): void {
    this.feeds.delete(feed);
  }
}

class FakeFeed extends EventEmitter implements LiveFeed {
  private waiting: (() => void) | undefined;
  private failure: Error | undefined;
  private ended = false;

  constructor(
    private readonly server: FakeServer,
    private readonly from: Position | undefined,
    failAtOnce: boolean,
  ) {
    super();
    if (failAtOnce) this.failure = new Error('14 UNAVAILABLE: No connection established');
  }

  wake(): void {
    this.waiting?.();
  }

  drop(error: Error): void {
    this.failure = error;
    this.wake();
  }

  async unsubscribe(): Promise<void> {
    this.ended = true;
    this.server.forget(this);
    this.wake();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<AllStreamResolvedEvent> {
    let index =
      this.from === undefined
        ? 0
        : this.server.log.findIndex((r) => r.event!.position.prepare >= this.from!.prepare);
    if (index < 0) index = this.server.log.length;
    let announced = false;
    for (;;) {
      if (this.failure) throw this.failure;
      if (this.ended) return;
      const record = this.server.log[index];
      if (record !== undefined) {
        index++;
        yield record;
        continue;
      }
      if (!announced) {
        announced = true;
        this.emit('caughtUp');
      }
      await new Promise<void>((resolve) => (this.waiting = resolve));
    }
  }
}

const fastReconnect = { initialDelayMs: 5, maxDelayMs: 20 };

async function take(iterator: AsyncIterator<RecordedEvent>, count: number): Promise<RecordedEvent[]> {
  const out: RecordedEvent[] = [];
  while (out.length < count) {
    const next = await iterator.next();
    if (next.done) break;
    out.push(next.value);
  }
  return out;
}

describe('EsdbSubscription', () => {
  it('delivers after the given position, goes live, and resubscribes after a drop with no gap and no duplicate', async () => {
    const server = new FakeServer();
    for (let i = 0; i < 5; i++) server.append(`service-request-${i % 2}`, 'Opened');
    const subscription = new EsdbSubscription(server.source(), {
      after: 200,
      selection: {},
      reconnect: fastReconnect,
    });
    const iterator = subscription[Symbol.asyncIterator]();

    const firstBatch = await take(iterator, 3);
    expect(firstBatch.map((e) => e.position)).toEqual([300, 400, 500]);
    // The fake starts inclusively at 200: the adapter dropped it.
    expect(server.opened[0]).toEqual({ commit: 200n, prepare: 200n });

    const pending = iterator.next();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(subscription.health()).toMatchObject({ state: 'live', lastPosition: 500, reconnects: 0 });

    server.dropAll();
    server.append('service-request-9', 'Opened');
    expect((await pending).value.position).toBe(600);
    expect(subscription.health()).toMatchObject({ reconnects: 1, lastPosition: 600 });
    expect(subscription.health().lastError).toMatch(/connection reset/);
    // Resumed from the last event seen, not from the beginning.
    expect(server.opened[1]).toEqual({ commit: 500n, prepare: 500n });

    server.append('service-request-9', 'Closed');
    expect((await take(iterator, 1)).map((e) => e.position)).toEqual([700]);
    await subscription.close();
    expect(await iterator.next()).toEqual({ done: true, value: undefined });
    expect(subscription.health().state).toBe('stopped');
  });

  it('keeps retrying with backoff while the server is unreachable, reporting it in health', async () => {
    const server = new FakeServer();
    server.append('service-request-1', 'Opened');
    server.failOpens = 3;
    const subscription = new EsdbSubscription(server.source(), { selection: {}, reconnect: fastReconnect });
    const iterator = subscription[Symbol.asyncIterator]();
    const [event] = await take(iterator, 1);
    expect(event?.position).toBe(100);
    expect(subscription.health().reconnects).toBe(3);
    expect(subscription.health().lastError).toMatch(/UNAVAILABLE/);
    await subscription.close();
  });

  it('filters on the client side too, and resumes past events it filtered out', async () => {
    const server = new FakeServer();
    server.append('service-request-1', 'Opened');
    server.append('technician-1', 'Opened');
    server.append('service-request-1', 'Closed');
    server.append('$stats-node', 'Opened');
    const subscription = new EsdbSubscription(server.source(), {
      selection: { streamPrefixes: ['service-request-'], eventTypes: ['Closed'] },
      reconnect: fastReconnect,
    });
    const iterator = subscription[Symbol.asyncIterator]();
    expect((await take(iterator, 1)).map((e) => e.position)).toEqual([300]);
    const pending = iterator.next();
    await new Promise((resolve) => setTimeout(resolve, 10));
    server.dropAll();
    server.append('service-request-2', 'Closed');
    expect((await pending).value.position).toBe(500);
    expect(server.opened[1]).toEqual({ commit: 400n, prepare: 400n });
    await subscription.close();
  });

  it('ends a pending next() on close and on abort, and does not start when already aborted', async () => {
    const server = new FakeServer();
    const closed = new EsdbSubscription(server.source(), { selection: {}, reconnect: fastReconnect });
    const pending = closed[Symbol.asyncIterator]().next();
    await new Promise((resolve) => setTimeout(resolve, 5));
    await closed.close();
    await expect(pending).resolves.toEqual({ done: true, value: undefined });

    const controller = new AbortController();
    const aborted = new EsdbSubscription(server.source(), {
      selection: {},
      signal: controller.signal,
      reconnect: fastReconnect,
    });
    const abortedNext = aborted[Symbol.asyncIterator]().next();
    controller.abort();
    await expect(abortedNext).resolves.toMatchObject({ done: true });

    const opened = server.opened.length;
    const preAborted = new EsdbSubscription(server.source(), {
      selection: {},
      signal: AbortSignal.abort(),
      reconnect: fastReconnect,
    });
    await expect(preAborted[Symbol.asyncIterator]().next()).resolves.toMatchObject({ done: true });
    expect(server.opened.length).toBe(opened);
    expect(preAborted.health().state).toBe('stopped');
  });

  it('stops, closing the iteration with the error, on errors a retry cannot cure', async () => {
    const server = new FakeServer();
    const source = server.source();
    const subscription = new EsdbSubscription(
      {
        ...source,
        resolve: async () =>
          Promise.reject(Object.assign(new Error('Access denied'), { type: 'access-denied' })),
      },
      { after: 5, selection: {}, reconnect: fastReconnect },
    );
    await expect(subscription[Symbol.asyncIterator]().next()).rejects.toThrow('Access denied');
    expect(subscription.health()).toMatchObject({
      state: 'stopped',
      reconnects: 0,
      lastError: 'Access denied',
    });
  });
});
