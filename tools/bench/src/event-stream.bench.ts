/**
 * The integrators' event stream: how fast an integrator replays the published log over HTTP,
 * against reading the same events straight from the store in the same run. Seeds a fresh embedded
 * event store with service requests' lives (seven published events each, with inbox notices between
 * them that are never published), starts the API alone in its own process on it, and reads every
 * published event:
 *
 * - directly: `readAll` on the store with the published categories' streams, pages of `--page-size`
 *   (the baseline), and the same with the API's CloudEvents mapping and JSON serialisation;
 * - over HTTP: `GET /api/events?after=…&limit=…` page by page, following `Fieldstream-Next-Position`,
 *   each page's JSON parsed, as an integrator key;
 * - over server-sent events: `GET /api/events/stream?after=0`, caught up to the last event.
 *
 *   node -r @swc-node/register tools/bench/src/event-stream.bench.ts
 *        [--events 200000] [--page-size 1000] [--rounds 2] [--keep]
 *
 * Each figure is the best of `--rounds`. Verdicts: every read returns the same events, in order,
 * once; HTTP pages reach >= 0.25 × the direct read (a page's events are mapped, serialised, sent
 * and parsed again: a few times the store's own cost is fair, more means waste).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  EVENT_PAGE_HEADERS,
  EVENT_PAGE_MAX_LIMIT,
  type FieldstreamCloudEvent,
} from '@fieldstream/api-contract';
import { selectEvents, toCloudEvent } from '@fieldstream/application';
import type { EventStore } from '@fieldstream/event-store';
import { openSqliteEventStore } from '@fieldstream/event-store-sqlite';
import { ProjectionRunner, silentLogger, usersProjection } from '@fieldstream/projections';
import { openSqliteReadStore } from '@fieldstream/read-store-sqlite';
import { type ApiProcess, startApiProcess } from './event-stream/api-process';
import { inboxNotice, requestLifecycleEvents } from './event-stream/request-lifecycle-events';

const TARGET_RATIO = 0.25;
const EVENTS_PER_REQUEST = 7;
/** One inbox notice (never published) per this many requests. */
const REQUESTS_PER_NOTICE = 4;
const ADMIN_PASSWORD = 'bench-admin-password';

const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '200000' },
    'page-size': { type: 'string', default: '1000' },
    rounds: { type: 'string', default: '2' },
    keep: { type: 'boolean', default: false },
  },
});
const positive = (name: string, text: string): number => {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`--${name} must be a positive integer, got ${text}`);
  return value;
};
const REQUESTS = Math.ceil(positive('events', values.events) / EVENTS_PER_REQUEST);
const PUBLISHED = REQUESTS * EVENTS_PER_REQUEST;
const PAGE_SIZE = positive('page-size', values['page-size']);
const ROUNDS = positive('rounds', values.rounds);
if (PAGE_SIZE > EVENT_PAGE_MAX_LIMIT) throw new Error(`--page-size is at most ${EVENT_PAGE_MAX_LIMIT}`);

const line = (text = '') => process.stdout.write(`${text}\n`);
const whole = (n: number) => Math.round(n).toLocaleString('en');
const load = () =>
  `load average ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`;
/** A line redrawn in place on a terminal; in a log file, one line every five seconds. */
let lastLoggedAt = 0;
const progressLine = (text: string, last = false) => {
  if (process.stdout.isTTY) process.stdout.write(`\r  ${text}   ${last ? '\n' : ''}`);
  else if (last || performance.now() - lastLoggedAt > 5000) {
    lastLoggedAt = performance.now();
    line(`  ${text}`);
  }
};

/** What one way of reading saw: how many events, the last one's position and a digest of the order. */
interface Read {
  events: number;
  lastPosition: string;
  /** Sum of position × index: equal only for the same events in the same order. */
  digest: number;
  ms: number;
}

function reading(): Read & { add(position: string): void } {
  const read = {
    events: 0,
    lastPosition: '0',
    digest: 0,
    ms: 0,
    add(position: string) {
      read.events++;
      read.lastPosition = position;
      read.digest = (read.digest + Number(position) * read.events) % Number.MAX_SAFE_INTEGER;
    },
  };
  return read;
}

async function seed(store: EventStore): Promise<void> {
  const started = performance.now();
  const openedAt = Date.parse('2026-11-02T08:00:00Z');
  let next = 0;
  let done = 0;
  const worker = async () => {
    for (let index = next++; index < REQUESTS; index = next++) {
      const events = requestLifecycleEvents(index, openedAt + index * 60_000);
      const requestId = events[0]!.data['requestId'] as string;
      await store.appendToStream(`service-request-${requestId}`, events, 'no_stream');
      if (index % REQUESTS_PER_NOTICE === 0) {
        const notice = inboxNotice(requestId, openedAt + index * 60_000);
        await store.appendToStream(`inbox-${notice.data['userId'] as string}`, [notice], 'no_stream');
      }
      done += events.length;
      if (done % 7000 === 0 || index === REQUESTS - 1)
        progressLine(
          `seeding: ${whole(done)}/${whole(PUBLISHED)} published events (${whole((done * 1000) / (performance.now() - started))}/s)`,
        );
    }
  };
  // Many appends in flight: the store commits them in groups, as under a busy desk.
  await Promise.all(Array.from({ length: 64 }, worker));
  progressLine(
    `seeded ${whole(PUBLISHED)} published events and ${whole(Math.ceil(REQUESTS / REQUESTS_PER_NOTICE))} inbox notices in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    true,
  );
}

/** The store itself, paged with the published categories' filter; `mapped` adds the API's own work. */
async function readDirectly(store: EventStore, mapped: boolean): Promise<Read> {
  const selection = selectEvents();
  const read = reading();
  const started = performance.now();
  for (let after = 0; ;) {
    const page = await store.readAll({
      after,
      maxCount: PAGE_SIZE,
      streamPrefixes: selection.streamPrefixes,
    });
    if (page.length === 0) break;
    if (mapped) {
      const cloudEvents: FieldstreamCloudEvent[] = [];
      for (const event of page) {
        const type = selection.pick(event);
        if (type) cloudEvents.push(toCloudEvent(event, type));
      }
      JSON.stringify(cloudEvents);
      for (const event of cloudEvents) read.add(event.position);
    } else {
      for (const event of page) if (selection.pick(event)) read.add(String(event.position));
    }
    after = page.at(-1)!.position;
    if (page.length < PAGE_SIZE) break;
  }
  read.ms = performance.now() - started;
  return read;
}

async function readPages(api: ApiProcess, token: string): Promise<Read> {
  const read = reading();
  const started = performance.now();
  for (let after = 0; ;) {
    const response = await fetch(`${api.url}/api/events?after=${after}&limit=${PAGE_SIZE}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    if (response.status !== 200)
      throw new Error(`GET /api/events: ${response.status} ${await response.text()}`);
    for (const event of (await response.json()) as FieldstreamCloudEvent[]) read.add(event.position);
    const next = Number(response.headers.get(EVENT_PAGE_HEADERS.nextPosition));
    if (next >= Number(response.headers.get(EVENT_PAGE_HEADERS.headPosition))) break;
    after = next;
  }
  read.ms = performance.now() - started;
  return read;
}

/** The live stream from position 0 until it delivered `lastPosition`, each message's data parsed. */
async function readLive(api: ApiProcess, token: string, lastPosition: string): Promise<Read> {
  const read = reading();
  const controller = new AbortController();
  const started = performance.now();
  const response = await fetch(`${api.url}/api/events/stream?after=0`, {
    headers: { authorization: `Bearer ${token}` },
    signal: controller.signal,
  });
  if (response.status !== 200) throw new Error(`GET /api/events/stream: ${response.status}`);
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) throw new Error(`the stream ended at ${read.lastPosition}`);
      buffer += value;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = block.indexOf('\ndata: ');
        if (!block.startsWith('id: ') || data < 0) continue;
        const event = JSON.parse(block.slice(data + 7)) as FieldstreamCloudEvent;
        read.add(event.position);
        if (event.position === lastPosition) {
          read.ms = performance.now() - started;
          return read;
        }
      }
    }
  } finally {
    controller.abort();
  }
}

/** Retried while the accounts' read model catches up with the administrator, then with the key. */
async function eventually<T>(what: string, attempt: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const value = await attempt();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within 60 s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Signs in as the administrator and issues an integrator's API key, ready to read. */
async function integratorKey(api: ApiProcess): Promise<string> {
  const admin = await eventually('sign in', async () => {
    const login = await fetch(`${api.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
    });
    return login.status === 200 ? ((await login.json()) as { token: string }).token : undefined;
  });
  const issued = await fetch(`${api.url}/api/api-keys`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
    body: JSON.stringify({ name: 'Bench ERP', role: 'integrator' }),
  });
  if (issued.status !== 201) throw new Error(`api key: ${issued.status} ${await issued.text()}`);
  const { apiKey } = (await issued.json()) as { apiKey: string };
  await eventually('the key', async () => {
    const page = await fetch(`${api.url}/api/events?limit=1`, {
      headers: { authorization: `Bearer ${apiKey}` },
    });
    await page.arrayBuffer();
    return page.status === 200 ? true : undefined;
  });
  return apiKey;
}

function best(reads: Read[]): Read {
  return reads.reduce((fastest, read) => (read.ms < fastest.ms ? read : fastest));
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'fieldstream-bench-event-stream-'));
  let api: ApiProcess | undefined;
  let store: EventStore | undefined;
  try {
    line(
      `event stream: ${whole(PUBLISHED)} published events (${whole(REQUESTS)} requests), pages of ${PAGE_SIZE}, best of ${ROUNDS}; data in ${dir}`,
    );
    line(`  ${load()}`);
    store = await openSqliteEventStore({ file: join(dir, 'events.sqlite') });
    await seed(store);

    // Signing in reads the accounts' read model, which the worker keeps: its one projection runs
    // here until the integrator's key is usable, then stops before anything is measured.
    const accounts = await openSqliteReadStore({ file: join(dir, 'read-models.sqlite') });
    const runner = new ProjectionRunner({
      eventStore: store,
      readStore: accounts,
      projections: [usersProjection],
      logger: silentLogger,
    });
    runner.start();
    let apiKey: string;
    const apiStarted = performance.now();
    const server = (api = await startApiProcess(dir, ADMIN_PASSWORD).finally(() => undefined));
    try {
      line(
        `  started the API alone (pid ${server.pid}) at ${server.url} in ${((performance.now() - apiStarted) / 1000).toFixed(1)} s`,
      );
      apiKey = await integratorKey(server);
    } finally {
      await runner.stop();
      await accounts.close();
    }

    const direct: Read[] = [];
    const mapped: Read[] = [];
    const pages: Read[] = [];
    const live: Read[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      direct.push(await readDirectly(store, false));
      mapped.push(await readDirectly(store, true));
      pages.push(await readPages(server, apiKey));
      live.push(await readLive(server, apiKey, direct.at(-1)!.lastPosition));
      progressLine(`round ${round}/${ROUNDS} read (${load()})`, round === ROUNDS);
    }
    const baseline = best(direct);
    const rows: [string, Read][] = [
      ['direct: store readAll, published streams', baseline],
      ['direct + CloudEvents mapping + JSON', best(mapped)],
      [`HTTP GET /api/events, pages of ${PAGE_SIZE}`, best(pages)],
      ['SSE /api/events/stream from 0', best(live)],
    ];
    const rate = (read: Read) => (read.events * 1000) / read.ms;
    console.table(
      rows.map(([figure, read]) => ({
        figure,
        events: read.events,
        seconds: Number((read.ms / 1000).toFixed(2)),
        'events/s': whole(rate(read)),
        'vs direct': Number((rate(read) / rate(baseline)).toFixed(3)),
      })),
    );
    const same = [...direct, ...mapped, ...pages, ...live].every(
      (read) =>
        read.events === PUBLISHED &&
        read.lastPosition === baseline.lastPosition &&
        read.digest === baseline.digest,
    );
    const ratio = rate(best(pages)) / rate(baseline);
    line(`  ${load()} (2 cores, shared; the API and this reader on the same machine)`);
    line(
      `  every read saw the ${whole(PUBLISHED)} published events, in order, once (HTTP pages, SSE, direct): ${same ? 'PASS' : 'MISS'}`,
    );
    line(
      `  HTTP pages vs direct read: ${ratio.toFixed(3)} (target >= ${TARGET_RATIO}): ${ratio >= TARGET_RATIO ? 'PASS' : 'MISS'}`,
    );
  } catch (error) {
    if (api && api.tail.length > 0) process.stderr.write(`last API lines:\n${api.tail.join('\n')}\n`);
    throw error;
  } finally {
    await store?.close();
    await api?.stop();
    if (values.keep) line(`  kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
