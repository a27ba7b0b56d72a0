import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import {
  EventStoreUnavailableError,
  InvalidReadError,
  type NewEvent,
  type ReadAllOptions,
  type RecordedEvent,
} from '@fieldstream/event-store';
import { openSqliteEventStore, type SqliteEventStore } from './sqlite-event-store.adapter';

jest.setTimeout(30_000);

const TYPES = ['Opened', 'Assigned', 'Noted', 'Closed'];
const CATEGORIES = ['service-request', 'site', 'technician'];

/** Payloads with what JSON text is touchy about: quotes, backslashes, control and non-ASCII characters. */
function newEvent(n: number): NewEvent {
  const id = randomUUID();
  return {
    id: n % 7 === 0 ? id.toUpperCase() : id,
    type: TYPES[n % TYPES.length]!,
    data: {
      n,
      text: `say "hi" \\ back\u0001slash\ttab\n é ✓ 😀 \u2028`,
      nested: { list: [1, -2.5, 1e21, null, true, { deep: [] }], empty: {} },
      ...(n % 3 === 0 && { big: 'x'.repeat(300) }),
    },
    metadata: {
      correlationId: id,
      causationId: id,
      actorId: `actor "${n % 5}"`,
      actorRole: 'system',
      occurredAt: new Date(1_700_000_000_000 + n).toISOString(),
    },
  };
}

async function fill(store: SqliteEventStore, events: number, from = 0): Promise<void> {
  const appends: Promise<unknown>[] = [];
  for (let n = from; n < from + events; n += 3) {
    const append = n / 3;
    const stream = `${CATEGORIES[append % CATEGORIES.length]}-${append % 97}`;
    appends.push(store.appendToStream(stream, [n, n + 1, n + 2].map(newEvent)));
  }
  await Promise.all(appends);
}

/** Every page of a read from `options` on, paging by the last position as a catch-up does. */
async function pageThrough(store: SqliteEventStore, options: ReadAllOptions): Promise<RecordedEvent[][]> {
  const pages: RecordedEvent[][] = [];
  let after = options.after;
  for (;;) {
    const page = await store.readAll({ ...options, ...(after === undefined ? {} : { after }) });
    pages.push(page);
    const last = page[page.length - 1];
    if (!last) return pages;
    after = last.position;
  }
}

/** Compared as JSON text: stricter than toEqual (key order counts) and much faster on pages this large. */
const exactly = (pages: unknown) => JSON.stringify(pages);

const workerOf = (store: SqliteEventStore) =>
  (store as unknown as { readWorker: { started: boolean; broken: boolean } }).readWorker;

describe('SqliteEventStore reading large pages on a worker thread', () => {
  let dir: string;
  let file: string;
  let inProcess: SqliteEventStore;
  let withWorker: SqliteEventStore;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'event-store-sqlite-read-worker-'));
    file = join(dir, 'events.db');
    inProcess = await openSqliteEventStore({ file, workerReadMinCount: Infinity });
    withWorker = await openSqliteEventStore({ file });
    await fill(inProcess, 6000);
  });
  afterAll(async () => {
    await inProcess.close();
    await withWorker.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const filters: [string, Partial<ReadAllOptions>][] = [
    ['no filter', {}],
    ['one type', { eventTypes: ['Noted'] }],
    ['two types', { eventTypes: ['Closed', 'Opened'] }],
    ['a prefix', { streamPrefixes: ['site-'] }],
    ['types and prefixes', { eventTypes: ['Assigned', 'Noted'], streamPrefixes: ['technician-', 'site-1'] }],
    [
      'more types than the merge takes',
      { eventTypes: [...TYPES, ...Array.from({ length: 40 }, (_, i) => `T${i}`)] },
    ],
  ];
  for (const [name, filter] of filters) {
    for (const direction of ['forwards', 'backwards'] as const) {
      it(`gives what an in-process read gives: ${name}, ${direction}, pages below and above the threshold`, async () => {
        for (const maxCount of [999, 1000, 1700, 10_000]) {
          for (const after of [undefined, 2345]) {
            const options: ReadAllOptions = {
              maxCount,
              direction,
              ...filter,
              ...(after !== undefined && { after }),
            };
            const expected = await pageThrough(inProcess, options);
            const actual = await pageThrough(withWorker, options);
            expect(exactly(actual)).toBe(exactly(expected));
          }
        }
        expect(workerOf(withWorker).started).toBe(true);
      });
    }
  }

  it('sees appends made after a page was read ahead', async () => {
    const options: ReadAllOptions = { maxCount: 1000 };
    const head = await withWorker.headPosition();
    const first = await withWorker.readAll({ ...options, after: head - 2000 });
    expect(first).toHaveLength(1000);
    // The worker has read the next (full) page ahead, and the one after would be empty.
    await fill(inProcess, 1500, 100_000);
    const rest = await pageThrough(withWorker, { ...options, after: first[999]!.position });
    const expected = await pageThrough(inProcess, { ...options, after: first[999]!.position });
    expect(exactly(rest)).toBe(exactly(expected));
    expect(rest.flat()).toHaveLength(2500);
  });

  it('refuses invalid options before anything, and large reads once closed', async () => {
    const store = await openSqliteEventStore({ file });
    await expect(store.readAll({ maxCount: 10_001 })).rejects.toBeInstanceOf(InvalidReadError);
    await expect(store.readAll({ maxCount: 5000, after: -1 })).rejects.toBeInstanceOf(InvalidReadError);
    const inFlight = store.readAll({ maxCount: 5000 });
    await store.close();
    // A read asked for before close() is answered.
    expect(await inFlight).toEqual(await inProcess.readAll({ maxCount: 5000 }));
    await expect(store.readAll({ maxCount: 5000 })).rejects.toBeInstanceOf(EventStoreUnavailableError);
  });

  it('falls back to in-process reads when the worker cannot start', async () => {
    const store = await openSqliteEventStore({ file, workerReadScript: join(dir, 'missing.worker.js') });
    try {
      expect(exactly(await pageThrough(store, { maxCount: 4000 }))).toBe(
        exactly(await pageThrough(inProcess, { maxCount: 4000 })),
      );
    } finally {
      await store.close();
    }
  });

  it('falls back to in-process reads when the worker dies with pages in flight', async () => {
    const script = join(dir, 'dying.worker.js');
    writeFileSync(
      script,
      "require('node:worker_threads').parentPort.on('message', () => setTimeout(() => process.exit(3), 20));\n",
    );
    const store = await openSqliteEventStore({ file, workerReadScript: script });
    try {
      const pages = await Promise.all([
        store.readAll({ maxCount: 2000 }),
        store.readAll({ maxCount: 2000, after: 2000 }),
        store.readAll({ maxCount: 2000, direction: 'backwards', eventTypes: ['Noted'] }),
      ]);
      expect(workerOf(store).broken).toBe(true);
      const expected = await Promise.all([
        inProcess.readAll({ maxCount: 2000 }),
        inProcess.readAll({ maxCount: 2000, after: 2000 }),
        inProcess.readAll({ maxCount: 2000, direction: 'backwards', eventTypes: ['Noted'] }),
      ]);
      expect(exactly(pages)).toBe(exactly(expected));
      // The store no longer uses the worker that died, and goes on reading.
      expect(exactly(await store.readAll({ maxCount: 3000 }))).toBe(
        exactly(await inProcess.readAll({ maxCount: 3000 })),
      );
    } finally {
      await store.close();
    }
  });

  it('answers a row that is not strict JSON as an in-process read does', async () => {
    const own = join(dir, 'corrupt.db');
    const store = await openSqliteEventStore({ file: own });
    const reference = await openSqliteEventStore({ file: own, workerReadMinCount: Infinity });
    try {
      await fill(store, 3000);
      const raw = new Database(own);
      raw.prepare('UPDATE events SET data = \'{"a": 1,}\' WHERE position = 1500').run();
      raw.close();
      const expected = await reference.readAll({ maxCount: 2000 }).catch((error: unknown) => error);
      expect(expected).toBeInstanceOf(SyntaxError);
      await expect(store.readAll({ maxCount: 2000 })).rejects.toThrow((expected as Error).message);
      // The worker stays in use for the pages that are whole.
      expect(exactly(await store.readAll({ maxCount: 1000, after: 1500 }))).toBe(
        exactly(await reference.readAll({ maxCount: 1000, after: 1500 })),
      );
      expect(workerOf(store).started).toBe(true);
    } finally {
      await store.close();
      await reference.close();
    }
  });
});
