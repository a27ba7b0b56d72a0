import { EventStoreDBClient } from '@eventstore/db-client';
import type { EventStore } from '@fieldstream/event-store';
import { EsdbEventStore } from '@fieldstream/event-store-esdb';
import { openSqliteEventStore } from '@fieldstream/event-store-sqlite';
import type { ReadStore } from '@fieldstream/read-store';
import { openSqliteReadStore } from '@fieldstream/read-store-sqlite';
import { foldProjection } from './fold-projection';
import {
  type AnyProjection,
  PROJECTION_VERSIONS_COLLECTION,
  defineProjection,
} from './projection-definition';
import { silentLogger } from './projection-logger';
import type { ProjectionStatus } from './projection-status';
import { ProjectionRunner, type ProjectionRunnerOptions } from './projection.runner';
import { rebuildProjections } from './rebuild-projections';
import { STREAM_CATALOGUE_COLLECTION, streamCatalogueProjection } from './stream-catalogue.projection';
import { appendBacklog } from './testing/append-backlog';
import { closedPort } from '@fieldstream/network';
import {
  EVENT_COUNTS_COLLECTION,
  TOTAL_ID,
  eventCounterProjection,
} from './testing/event-counter.projection';
import { eventually } from './testing/eventually';
import { readAllDocuments } from './testing/read-all-documents';
import { newEvent } from './testing/recorded-event.factory';
import { temporaryDirectory } from './testing/temporary-directory';
import { readLog } from './testing/read-log';

jest.setTimeout(60_000);

function statusOf(runner: ProjectionRunner, name: string): Promise<ProjectionStatus> {
  return runner.status().then((status) => {
    const found = status.projections.find((projection) => projection.name === name);
    if (!found) throw new Error(`no status for ${name}`);
    return found;
  });
}

/** Waits until the projection is live, with nothing left to apply, at the head of the log. */
function caughtUp(runner: ProjectionRunner, eventStore: EventStore, name: string, timeoutMs = 30_000) {
  return eventually(
    async () => {
      const status = await statusOf(runner, name);
      const head = await eventStore.headPosition();
      return status.state === 'live' && status.lagEvents === 0 && status.checkpoint === head
        ? status
        : undefined;
    },
    timeoutMs,
    `${name} to catch up`,
  );
}

describe('ProjectionRunner on the embedded stores', () => {
  const dir = temporaryDirectory('runner');
  let eventStore: EventStore;
  let readStore: ReadStore;
  const runners: ProjectionRunner[] = [];
  const extraStores: { close(): Promise<void> }[] = [];

  const runner = (options: Partial<ProjectionRunnerOptions> & { projections: readonly AnyProjection[] }) => {
    const created = new ProjectionRunner({ eventStore, readStore, logger: silentLogger, ...options });
    runners.push(created);
    return created;
  };

  beforeEach(async () => {
    const name = expect.getState().currentTestName?.replace(/\W+/g, '-').slice(0, 60) ?? 'test';
    eventStore = await openSqliteEventStore({ file: dir.file(`${name}.events.sqlite`) });
    readStore = await openSqliteReadStore({ file: dir.file(`${name}.read.sqlite`) });
  });

  afterEach(async () => {
    await Promise.all(runners.splice(0).map((r) => r.stop()));
    for (const store of extraStores.splice(0)) await store.close();
    await readStore.close();
    await eventStore.close();
  });

  afterAll(() => dir.remove());

  it('follows appends made while it runs, moves the checkpoint and reaches zero lag', async () => {
    await appendBacklog(eventStore, { total: 1200, streams: 30, tag: 'backlog' });
    const live = runner({ projections: [streamCatalogueProjection], batchSize: 250 });
    live.start();
    const first = await caughtUp(live, eventStore, 'stream-catalogue');
    expect(first.checkpoint).toBe(1200);
    expect(first.batchesCommitted).toBeGreaterThanOrEqual(1200 / 250);

    for (let i = 0; i < 20; i++) {
      await eventStore.appendToStream(`technician-live${i % 3}`, [newEvent('ShiftStarted', { i })]);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const status = await caughtUp(live, eventStore, 'stream-catalogue');
    expect(status).toMatchObject({
      checkpoint: 1220,
      headPosition: 1220,
      lagEvents: 0,
      state: 'live',
      eventsProcessed: 1220,
    });
    expect(status.lagMs).not.toBeNull();
    expect(status.lagMs).toBeLessThan(5000);
    expect(await readStore.getCheckpoint('stream-catalogue')).toBe(1220);

    const expected = foldProjection(streamCatalogueProjection, await readLog(eventStore)).get(
      STREAM_CATALOGUE_COLLECTION,
    );
    const stored = await readStore.collection(STREAM_CATALOGUE_COLLECTION).find({}, { sort: { _id: 1 } });
    expect(stored).toEqual([...(expected?.values() ?? [])].sort((a, b) => (a._id < b._id ? -1 : 1)));
    expect(stored.find((d) => d._id === 'technician-live1')).toMatchObject({
      eventCount: 7,
      lastEventType: 'ShiftStarted',
    });
    expect(await readStore.collection(PROJECTION_VERSIONS_COLLECTION).get('stream-catalogue')).toEqual({
      _id: 'stream-catalogue',
      version: 1,
    });
  });

  it('builds by rebuild exactly the documents the live run built', async () => {
    const live = runner({
      projections: [streamCatalogueProjection, eventCounterProjection()],
      batchSize: 100,
    });
    live.start();
    // Appends interleaved with the runner's batches, so live commits cut the log differently.
    await appendBacklog(eventStore, { total: 3000, streams: 57, perAppend: 3, tag: 'x' });
    await caughtUp(live, eventStore, 'stream-catalogue');
    await caughtUp(live, eventStore, 'event-counter');
    const collections = [
      STREAM_CATALOGUE_COLLECTION,
      EVENT_COUNTS_COLLECTION,
      PROJECTION_VERSIONS_COLLECTION,
    ];
    const liveDocuments = await readAllDocuments(readStore, collections);

    const rebuiltStore = await openSqliteReadStore({ file: dir.file('rebuilt.read.sqlite') });
    extraStores.push(rebuiltStore);
    const results = await rebuildProjections({
      eventStore,
      readStore: rebuiltStore,
      projections: [streamCatalogueProjection, eventCounterProjection()],
      batchSize: 700,
    });
    expect(results.map((r) => [r.projection, r.events, r.documents])).toEqual([
      ['stream-catalogue', 3000, 57],
      ['event-counter', 3000, 5],
    ]);
    expect(await readAllDocuments(rebuiltStore, collections)).toEqual(liveDocuments);
    expect(liveDocuments[EVENT_COUNTS_COLLECTION]?.find((d) => d._id === TOTAL_ID)).toMatchObject({
      count: 3000,
    });
    expect(await rebuiltStore.getCheckpoint('event-counter')).toBe(
      await readStore.getCheckpoint('event-counter'),
    );
  });

  it('gives the same documents with a cache too small to hold them (evicted documents are re-read)', async () => {
    await appendBacklog(eventStore, { total: 2000, streams: 23, perAppend: 4, tag: 'evict' });
    const tiny = runner({
      projections: [streamCatalogueProjection, eventCounterProjection()],
      batchSize: 37,
      cacheSize: 3,
    });
    tiny.start();
    await caughtUp(tiny, eventStore, 'stream-catalogue');
    await caughtUp(tiny, eventStore, 'event-counter');
    const collections = [STREAM_CATALOGUE_COLLECTION, EVENT_COUNTS_COLLECTION];
    const live = await readAllDocuments(readStore, collections);

    const rebuiltStore = await openSqliteReadStore({ file: dir.file('evict-rebuilt.read.sqlite') });
    extraStores.push(rebuiltStore);
    await rebuildProjections({
      eventStore,
      readStore: rebuiltStore,
      projections: [streamCatalogueProjection, eventCounterProjection()],
      batchSize: 50,
      cacheSize: 2,
      maxStagedDocuments: 2,
    });
    expect(await readAllDocuments(rebuiltStore, collections)).toEqual(live);
    expect(live[EVENT_COUNTS_COLLECTION]?.find((d) => d._id === TOTAL_ID)).toMatchObject({ count: 2000 });
    expect(live[STREAM_CATALOGUE_COLLECTION]).toHaveLength(23);
  });

  it('lets two instances of one projection run at once without applying anything twice', async () => {
    await appendBacklog(eventStore, { total: 4000, streams: 40, tag: 'pair' });
    // A second connection, as a second worker process would have.
    const otherReadStore = await openSqliteReadStore({
      file: dir.file(`${expect.getState().currentTestName?.replace(/\W+/g, '-').slice(0, 60)}.read.sqlite`),
    });
    extraStores.push(otherReadStore);
    const one = runner({ projections: [eventCounterProjection()], batchSize: 50 });
    const two = runner({ projections: [eventCounterProjection()], batchSize: 70, readStore: otherReadStore });
    one.start();
    two.start();
    const appending = appendBacklog(eventStore, { total: 1000, streams: 13, perAppend: 1, tag: 'during' });
    await appending;
    await caughtUp(one, eventStore, 'event-counter');
    await caughtUp(two, eventStore, 'event-counter');
    const counts = readStore.collection(EVENT_COUNTS_COLLECTION);
    expect(await counts.get(TOTAL_ID)).toMatchObject({ count: 5000, lastPosition: 5000 });
    const perCategory = await counts.find({ _id: { $ne: TOTAL_ID } });
    expect(perCategory.reduce((sum, d) => sum + Number(d['count']), 0)).toBe(5000);
    const conflicts =
      (await statusOf(one, 'event-counter')).checkpointConflicts +
      (await statusOf(two, 'event-counter')).checkpointConflicts;
    // Both read checkpoint null and raced for the first batch, so one of them must have lost.
    expect(conflicts).toBeGreaterThan(0);
  });

  it('keeps other projections running while one fails, and reports the failure', async () => {
    const brittle = defineProjection({
      name: 'brittle',
      version: 1,
      eventTypes: ['Poison', 'Fine'],
      collections: { brittle_docs: {} },
      documentsFor: () => [],
      apply(event) {
        if (event.type === 'Poison') throw new Error('cannot digest Poison');
        return [{ op: 'put', collection: 'brittle_docs', document: { _id: event.id } }];
      },
    });
    const mixed = runner({
      projections: [brittle, streamCatalogueProjection],
      retry: { initialDelayMs: 20, maxDelayMs: 50 },
    });
    mixed.start();
    await eventStore.appendToStream('site-1', [newEvent('Fine'), newEvent('Poison'), newEvent('Fine')]);
    await caughtUp(mixed, eventStore, 'stream-catalogue');
    const failed = await eventually(
      async () => {
        const status = await statusOf(mixed, 'brittle');
        return status.consecutiveFailures >= 2 ? status : undefined;
      },
      10_000,
      'brittle to fail twice',
    );
    expect(failed.state).toBe('failed');
    expect(failed.lastError?.message).toMatch(/brittle, event Poison at position 2 .*cannot digest Poison/);
    expect(failed.checkpoint).toBeNull();
    expect(await readStore.collection('brittle_docs').count()).toBe(0);
    expect(await readStore.collection(STREAM_CATALOGUE_COLLECTION).get('site-1')).toMatchObject({
      eventCount: 3,
    });
  });

  it('rebuilds a projection whose version changed instead of adding to the old documents', async () => {
    await appendBacklog(eventStore, { total: 500, streams: 5, tag: 'v' });
    const v1 = runner({ projections: [eventCounterProjection(1)] });
    v1.start();
    await caughtUp(v1, eventStore, 'event-counter');
    await v1.stop();

    const strict = runner({
      projections: [eventCounterProjection(2)],
      onVersionChange: 'fail',
      retry: { initialDelayMs: 20 },
    });
    strict.start();
    const refused = await eventually(
      async () => {
        const status = await statusOf(strict, 'event-counter');
        return status.state === 'failed' ? status : undefined;
      },
      10_000,
      'the version mismatch to be reported',
    );
    expect(refused.lastError?.message).toMatch(/built by version 1, code is version 2/);
    await strict.stop();

    const v2 = runner({ projections: [eventCounterProjection(2)] });
    v2.start();
    await caughtUp(v2, eventStore, 'event-counter');
    expect(await readStore.collection(EVENT_COUNTS_COLLECTION).get(TOTAL_ID)).toMatchObject({ count: 500 });
    expect(await readStore.collection(PROJECTION_VERSIONS_COLLECTION).get('event-counter')).toMatchObject({
      version: 2,
    });
  });

  it('stops promptly while waiting for events', async () => {
    await eventStore.appendToStream('site-9', [newEvent('SiteOpened')]);
    const idle = runner({ projections: [streamCatalogueProjection] });
    idle.start();
    await caughtUp(idle, eventStore, 'stream-catalogue');
    const started = Date.now();
    await idle.stop();
    expect(Date.now() - started).toBeLessThan(1000);
    expect((await idle.status()).projections[0]?.state).toBe('stopped');
  });
  it('reports lag as how far behind it is now, and none once live and idle', async () => {
    // Events are recorded at real time; the runner's clock runs a minute ahead, so any lag it
    // computes from a recordedAt is at least a minute and cannot be mistaken for a fresh zero.
    const ahead = () => Date.now() + 60_000;
    await appendBacklog(eventStore, { total: 300, streams: 3, tag: 'lag' });
    const live = runner({ projections: [streamCatalogueProjection], batchSize: 50, clock: ahead });
    live.start();
    const idle = await caughtUp(live, eventStore, 'stream-catalogue');
    expect(idle).toMatchObject({ state: 'live', lagEvents: 0, lagMs: 0 });
    await live.stop();

    const firstPending = await eventStore.appendToStream('site-late', [
      newEvent('SiteOpened'),
      newEvent('SiteClosed'),
    ]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await eventStore.appendToStream('site-later', [newEvent('SiteOpened')]);
    const [oldest] = await eventStore.readAll({ maxCount: 1, after: 300 });
    const before = ahead();
    const behind = await statusOf(live, 'stream-catalogue');
    const after = ahead();
    expect(firstPending.position).toBe(302);
    expect(behind).toMatchObject({ state: 'stopped', checkpoint: 300, lagEvents: 3 });
    // The age of the oldest pending event (position 301), not of the last one or the last batch.
    expect(behind.lagMs).toBeGreaterThanOrEqual(before - Date.parse(oldest!.recordedAt));
    expect(behind.lagMs).toBeLessThanOrEqual(after - Date.parse(oldest!.recordedAt));
  });

  it('only counts events of its own types in the lag age', async () => {
    const sites = defineProjection({
      name: 'sites',
      version: 1,
      eventTypes: ['SiteOpened'],
      collections: { site_docs: {} },
      documentsFor: () => [],
      apply: (event) => [{ op: 'put', collection: 'site_docs', document: { _id: event.streamName } }],
    });
    await eventStore.appendToStream('technician-1', [newEvent('ShiftStarted')]);
    await new Promise((resolve) => setTimeout(resolve, 60));
    await eventStore.appendToStream('site-1', [newEvent('SiteOpened')]);
    const [, opened] = await eventStore.readAll({ maxCount: 2 });
    const idle = runner({ projections: [sites] });
    const before = Date.now();
    const status = await statusOf(idle, 'sites');
    expect(status).toMatchObject({ state: 'stopped', checkpoint: null, lagEvents: 2, subscription: null });
    expect(status.lagMs).toBeGreaterThanOrEqual(before - Date.parse(opened!.recordedAt));
    // The ShiftStarted before it, 60 ms older, is not this projection's to apply.
    expect(status.lagMs).toBeLessThan(Date.now() - Date.parse(opened!.recordedAt) + 40);
  });

  it('reports a projection whose subscription cannot reach EventStoreDB as disconnected, not live', async () => {
    // A real client and a real refused connection: EventStoreDB down, as the worker would meet it.
    const client = EventStoreDBClient.connectionString(`esdb://127.0.0.1:${await closedPort()}?tls=false`);
    const unreachable = new EsdbEventStore(client, { reconnect: { initialDelayMs: 20, maxDelayMs: 100 } });
    extraStores.push({ close: async () => void (await client.dispose()) });
    const cut = runner({ projections: [streamCatalogueProjection], eventStore: unreachable });
    cut.start();
    const status = await eventually(
      async () => {
        const found = await statusOf(cut, 'stream-catalogue');
        return (found.subscription?.reconnects ?? 0) >= 2 && found.state === 'disconnected'
          ? found
          : undefined;
      },
      20_000,
      'the subscription to be reported reconnecting',
    );
    expect(status).toMatchObject({
      state: 'disconnected',
      headPosition: null,
      lagEvents: null,
      lagMs: null,
      subscription: { state: 'reconnecting', lastError: expect.stringMatching(/UNAVAILABLE|ECONNREFUSED/) },
    });
  });

  it('reports the subscription of a live projection, and a store closed under it as not live', async () => {
    await eventStore.appendToStream('site-3', [newEvent('SiteOpened')]);
    const closing = runner({
      projections: [streamCatalogueProjection],
      retry: { initialDelayMs: 20, maxDelayMs: 50 },
    });
    closing.start();
    const live = await caughtUp(closing, eventStore, 'stream-catalogue');
    expect(live.subscription).toEqual({ state: 'live', reconnects: 0 });
    await eventStore.close();
    const seen = new Set<string>();
    for (let i = 0; i < 10; i++) {
      const status = await statusOf(closing, 'stream-catalogue');
      seen.add(status.state);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(seen.has('live')).toBe(false);
    // afterEach closes it again, which a closed store allows.
  });
});
