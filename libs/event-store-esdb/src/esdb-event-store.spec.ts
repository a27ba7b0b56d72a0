import { randomUUID } from 'node:crypto';
import { type NewEvent, NO_STREAM } from '@fieldstream/event-store';
import { eventStoreContract } from '@fieldstream/event-store/src/testing';
import { EsdbEventStore } from './esdb-event-store.adapter';
import { FakeEsdbServer } from './testing/fake-esdb-server';

/*
 * The adapter's own logic (positions, idempotent re-appends, paging past system records,
 * resubscription) held to the whole contract against a stand-in server. This does not replace
 * the run against a real EventStoreDB (esdb-event-store.int.spec.ts with ESDB_URL): it checks the
 * adapter under the server semantics the stand-in encodes, and says so in its name.
 */
const server = new FakeEsdbServer();
eventStoreContract(
  'eventstoredb adapter on a stand-in server',
  async () => new EsdbEventStore(server.client()),
);

describe('EsdbEventStore on a stand-in server', () => {
  it('resubscribes after a dropped connection and delivers every event once', async () => {
    const store = new EsdbEventStore(server.client(), { reconnect: { initialDelayMs: 5, maxDelayMs: 20 } });
    const stream = `dropped${Date.now()}-1`;
    const metadata = {
      correlationId: 'c',
      causationId: 'c',
      actorId: 'a',
      actorRole: 'system',
      occurredAt: new Date().toISOString(),
    };
    const event = (
      n: number,
    ): { id: string; type: string; data: { n: number }; metadata: typeof metadata } => ({
      id: `10000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
      type: 'Counted',
      data: { n },
      metadata,
    });
    const first = await store.appendToStream(stream, [event(1), event(2)]);
    const subscription = store.subscribeToAll({ after: first.position - 1, streamPrefixes: [stream] });
    const iterator = subscription[Symbol.asyncIterator]();
    const received: number[] = [];
    const next = async (): Promise<void> => {
      const result = await iterator.next();
      received.push((result.value as { data: { n: number } }).data.n);
    };
    await next();
    server.dropSubscriptions();
    await store.appendToStream(stream, [event(3)]);
    await next();
    // `first.position` is the append's last event (2): event 1 lies before `first.position - 1`.
    expect(received).toEqual([2, 3]);
    expect(subscription.health().reconnects).toBeGreaterThanOrEqual(1);
    await store.close();
  });
});

describe('EsdbEventStore resuming from positions it has never seen', () => {
  const newEvent = (): NewEvent => ({
    id: randomUUID(),
    type: 'Counted',
    data: {},
    metadata: {
      correlationId: 'c',
      causationId: 'c',
      actorId: 'a',
      actorRole: 'system',
      occurredAt: new Date().toISOString(),
    },
  });

  it('reads and subscribes after any number, inside multi-event appends too, with an empty position cache', async () => {
    const writer = new EsdbEventStore(server.client());
    const category = `resume${Date.now()}`;
    const before = await writer.headPosition();
    // Multi-event appends (shared commit position), singles, other streams and system records between.
    await writer.appendToStream(`${category}-a`, [newEvent(), newEvent(), newEvent()]);
    await writer.appendToStream(`other${Date.now()}-x`, [newEvent()]);
    await writer.appendToStream(`${category}-b`, [newEvent()]);
    await writer.appendToStream(`${category}-a`, [newEvent(), newEvent()]);
    await writer.appendToStream(`${category}-b`, [newEvent(), newEvent(), newEvent(), newEvent()]);
    const all = await writer.readAll({ after: before, maxCount: 100, streamPrefixes: [`${category}-`] });
    expect(all).toHaveLength(10);
    await writer.close();

    const wanted = [...new Set(all.flatMap((e) => [e.position - 1, e.position, e.position + 1]))];
    for (const after of wanted) {
      // A fresh store knows no positions: it must find a valid place to start on the server.
      const reader = new EsdbEventStore(server.client());
      const forwards = await reader.readAll({ after, maxCount: 100, streamPrefixes: [`${category}-`] });
      expect(forwards.map((e) => e.id)).toEqual(all.filter((e) => e.position > after).map((e) => e.id));
      await reader.close();

      const backwardsReader = new EsdbEventStore(server.client());
      const backwards = await backwardsReader.readAll({
        after,
        maxCount: 100,
        direction: 'backwards',
        streamPrefixes: [`${category}-`],
      });
      expect(backwards.map((e) => e.id)).toEqual(
        all
          .filter((e) => e.position < after)
          .map((e) => e.id)
          .reverse(),
      );
      await backwardsReader.close();

      const expected = all.find((e) => e.position > after);
      if (expected === undefined) continue;
      const subscriber = new EsdbEventStore(server.client());
      const subscription = subscriber.subscribeToAll({ after, streamPrefixes: [`${category}-`] });
      const first = await subscription[Symbol.asyncIterator]().next();
      expect(first.value?.id).toBe(expected.id);
      await subscriber.close();
    }
  });
});

/** A client of the stand-in that counts the calls the adapter makes, by method name. */
function countingClient(target: FakeEsdbServer): {
  client: ReturnType<FakeEsdbServer['client']>;
  calls: string[];
} {
  const calls: string[] = [];
  const inner = target.client();
  const client = new Proxy(inner, {
    get(object, property, receiver) {
      const value: unknown = Reflect.get(object, property, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        calls.push(String(property));
        return (value as (...a: unknown[]) => unknown).apply(object, args);
      };
    },
  });
  return { client, calls };
}

describe('EsdbEventStore round trips per append', () => {
  const newEvent = (): NewEvent => ({
    id: randomUUID(),
    type: 'Counted',
    data: {},
    metadata: {
      correlationId: 'c',
      causationId: 'c',
      actorId: 'a',
      actorRole: 'system',
      occurredAt: new Date().toISOString(),
    },
  });
  const positionOf = async (
    store: EsdbEventStore,
    stream: string,
    revision: number,
  ): Promise<number | undefined> =>
    (await store.readStream(stream, { fromRevision: revision, maxCount: 1 }))[0]?.position;

  it('appends one event in one call, taking its position from the answer', async () => {
    const { client, calls } = countingClient(server);
    const store = new EsdbEventStore(client);
    const stream = `trips${Date.now()}-1`;
    const first = await store.appendToStream(stream, [newEvent()], NO_STREAM);
    const second = await store.appendToStream(stream, [newEvent()], 0);
    expect(calls).toEqual(['appendToStream', 'appendToStream']);
    expect(first.nextExpectedRevision).toBe(0);
    expect(second.nextExpectedRevision).toBe(1);
    expect(first.position).toBe(await positionOf(store, stream, 0));
    expect(second.position).toBe(await positionOf(store, stream, 1));
  });

  it('appends several events in one call and one read of the last event', async () => {
    const { client, calls } = countingClient(server);
    const store = new EsdbEventStore(client);
    const stream = `trips${Date.now()}-2`;
    const result = await store.appendToStream(stream, [newEvent(), newEvent(), newEvent()], NO_STREAM);
    expect(calls).toEqual(['appendToStream', 'readStream']);
    expect(result).toEqual({ nextExpectedRevision: 2, position: await positionOf(store, stream, 2) });
  });

  it("answers another process's repeat under a stale expectation by looking after the conflict", async () => {
    const stream = `trips${Date.now()}-3`;
    const events = [newEvent(), newEvent()];
    const first = await new EsdbEventStore(server.client()).appendToStream(stream, events, NO_STREAM);
    await new EsdbEventStore(server.client()).appendToStream(stream, [newEvent()], 1);

    const { client, calls } = countingClient(server);
    const other = new EsdbEventStore(client);
    // Expecting revision 0 (not what the first append expected, so the server cannot recognise it).
    expect(await other.appendToStream(stream, events, 0)).toEqual(first);
    // The append (refused as a conflict), the search for the ids, the read of the position.
    expect(calls).toEqual(['appendToStream', 'readStream', 'readStream']);
    // Remembered now: the same repeat costs nothing.
    expect(await other.appendToStream(stream, events, 1)).toEqual(first);
    expect(calls).toHaveLength(3);
    expect((await other.readStream(stream, { maxCount: 10 })).map((e) => e.revision)).toEqual([0, 1, 2]);
  });
});
