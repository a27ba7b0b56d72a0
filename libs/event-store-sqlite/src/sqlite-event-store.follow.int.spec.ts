import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventStoreUnavailableError, type NewEvent, type RecordedEvent } from '@fieldstream/event-store';
import { openSqliteEventStore } from './sqlite-event-store.adapter';

function newEvent(): NewEvent {
  const id = randomUUID();
  return {
    id,
    type: 'FollowedEventAppended',
    data: {},
    metadata: {
      correlationId: id,
      causationId: id,
      actorId: 't',
      actorRole: 'system',
      occurredAt: new Date().toISOString(),
    },
  };
}

async function waitUntil(condition: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('SqliteEventStore following appends made elsewhere', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'event-store-sqlite-follow-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('sees, through polling, what another connection to the file appends', async () => {
    const file = join(dir, 'events.db');
    const follower = await openSqliteEventStore({ file, pollIntervalMs: 5 });
    const writer = await openSqliteEventStore({ file });
    try {
      const subscription = follower.subscribeToAll();
      const received: RecordedEvent[] = [];
      const done = (async () => {
        for await (const event of subscription) received.push(event);
      })();
      await waitUntil(() => subscription.health().state === 'live', 'live');
      for (let n = 0; n < 20; n++) {
        await writer.appendToStream('order-1', [newEvent(), newEvent()], n === 0 ? 'no_stream' : 2 * n - 1);
        await waitUntil(() => received.length === 2 * (n + 1), `append ${n} to arrive`);
      }
      expect(received.map((event) => event.revision)).toEqual(received.map((_, index) => index));
      expect(subscription.health()).toMatchObject({ state: 'live', lastPosition: 40, reconnects: 0 });
      await subscription.close();
      await done;
    } finally {
      await Promise.all([follower.close(), writer.close()]);
    }
  }, 30_000);

  it('follows another process appending, with no gap and no duplicate', async () => {
    const file = join(dir, 'events.db');
    const store = await openSqliteEventStore({ file });
    const subscription = store.subscribeToAll({ streamPrefixes: ['durable-'] });
    const received: RecordedEvent[] = [];
    const done = (async () => {
      for await (const event of subscription) received.push(event);
    })();
    const script = join(__dirname, 'testing', 'durability-writer.child.ts');
    const child = spawn(process.execPath, ['-r', require.resolve('@swc-node/register'), script, file], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const exited = new Promise((resolve) => child.on('close', resolve));
    try {
      // Generous: the child compiles TypeScript on start, which takes seconds on a loaded machine.
      await waitUntil(() => received.length >= 600, '600 events from the child', 40_000);
    } finally {
      child.kill('SIGKILL');
      await exited;
    }
    const log = await store.readAll({ maxCount: 10_000 });
    await waitUntil(() => received.length === log.length, 'the last events');
    expect(received.map((event) => event.id)).toEqual(log.map((event) => event.id));
    expect(received.map((event) => event.position)).toEqual(log.map((_, index) => index + 1));
    await store.close();
    await done;
    expect(subscription.health().state).toBe('stopped');
  }, 60_000);

  it('lets queued appends finish on close, then refuses new work', async () => {
    const store = await openSqliteEventStore({ file: join(dir, 'nested', 'folder', 'events.db') });
    const pending = Array.from({ length: 10 }, (_, n) =>
      store.appendToStream(`order-${n}`, [newEvent()], 'no_stream'),
    );
    await store.close();
    expect((await Promise.all(pending)).map((result) => result.nextExpectedRevision)).toEqual(
      Array(10).fill(0),
    );
    await expect(store.appendToStream('order-1', [newEvent()])).rejects.toBeInstanceOf(
      EventStoreUnavailableError,
    );
    await expect(store.readAll({ maxCount: 1 })).rejects.toBeInstanceOf(EventStoreUnavailableError);
    expect((await store.health()).ok).toBe(false);
    await store.close();

    const reopened = await openSqliteEventStore({ file: join(dir, 'nested', 'folder', 'events.db') });
    expect(await reopened.headPosition()).toBe(10);
    await reopened.close();
  });
});
