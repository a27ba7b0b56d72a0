import { randomUUID } from 'node:crypto';
import type { NewEvent } from '@fieldstream/event-store';
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
eventStoreContract('eventstoredb adapter on a stand-in server', async () => new EsdbEventStore(server.client()));

describe('EsdbEventStore on a stand-in server', () => {
  it('resubscribes after a dropped connection and delivers every event once', async () => {
    const store = new EsdbEventStore(server.client(), { reconnect: { initialDelayMs: 5, maxDelayMs: 20 } });
    const stream = `dropped${Date.now()}-1`;
    const metadata = { correlationId: 'c', causationId: 'c', actorId: 'a', actorRole: 'system', occurredAt: new Date().toISOString() };
    const event = (n: number): { id: string; type: string; data: { n: number }; metadata: typeof metadata } => ({
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
    metadata: { correlationId: 'c', causationId: 'c', actorId: 'a', actorRole: 'system', occurredAt: new Date().toISOString() },
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
      const backwards = await backwardsReader.readAll({ after, maxCount: 100, direction: 'backwards', streamPrefixes: [`${category}-`] });
      expect(backwards.map((e) => e.id)).toEqual(all.filter((e) => e.position < after).map((e) => e.id).reverse());
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
