import { type ChildProcess, spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import type { EventStore } from '@fieldstream/event-store';
import { openSqliteEventStore } from '@fieldstream/event-store-sqlite';
import type { ReadStore } from '@fieldstream/read-store';
import { openSqliteReadStore } from '@fieldstream/read-store-sqlite';
import { PROJECTION_VERSIONS_COLLECTION } from './projection-definition';
import { silentLogger } from './projection-logger';
import { ProjectionRunner } from './projection.runner';
import { rebuildProjections } from './rebuild-projections';
import { STREAM_CATALOGUE_COLLECTION, streamCatalogueProjection } from './stream-catalogue.projection';
import { appendBacklog } from './testing/append-backlog';
import {
  EVENT_COUNTS_COLLECTION,
  TOTAL_ID,
  eventCounterProjection,
} from './testing/event-counter.projection';
import { eventually } from './testing/eventually';
import { readAllDocuments } from './testing/read-all-documents';
import { temporaryDirectory } from './testing/temporary-directory';

jest.setTimeout(180_000);

const REPO_ROOT = resolve(__dirname, '../../..');
const CHILD = join(__dirname, 'testing', 'projection-runner.child.ts');
const KILLS = 6;
const BATCH_SIZE = 100;
/** Commits of event-counter before a kill: at most 2,000 events, far short of the 60,000 backlog. */
const MAX_COMMITS_BEFORE_KILL = 20;

/**
 * Starts a runner process that freezes right after its `stopAfter`-th event-counter commit, and
 * resolves with the checkpoint that commit stored, once the process says it got there.
 */
function runChildUntilCommit(
  eventsFile: string,
  readFile: string,
  stopAfter: number,
): Promise<{ child: ChildProcess; checkpoint: number }> {
  const args = [
    '-r',
    '@swc-node/register',
    CHILD,
    eventsFile,
    readFile,
    String(BATCH_SIZE),
    String(stopAfter),
  ];
  const child = spawn(process.execPath, args, {
    cwd: REPO_ROOT,
    env: { ...process.env, SWC_NODE_PROJECT: join(REPO_ROOT, 'tsconfig.base.json') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  let stdout = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolvePromise, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /committed (\d+)\n/.exec(stdout);
      if (match) resolvePromise({ child, checkpoint: Number(match[1]) });
    });
    child.once('exit', (code) => reject(new Error(`runner child exited early (${code}): ${stderr}`)));
  });
}

function killHard(child: ChildProcess): Promise<void> {
  return new Promise((resolvePromise) => {
    child.removeAllListeners('exit');
    child.once('exit', () => resolvePromise());
    child.kill('SIGKILL');
  });
}

describe('a runner killed between writes and checkpoints', () => {
  const dir = temporaryDirectory('crash');
  const eventsFile = dir.file('events.sqlite');
  const readFile = dir.file('read-models.sqlite');
  let eventStore: EventStore;
  let readStore: ReadStore;

  beforeAll(async () => {
    eventStore = await openSqliteEventStore({ file: eventsFile });
    readStore = await openSqliteReadStore({ file: readFile });
  });

  afterAll(async () => {
    await readStore?.close();
    await eventStore?.close();
    dir.remove();
  });

  it('loses nothing and applies nothing twice across repeated SIGKILLs', async () => {
    await appendBacklog(eventStore, { total: 60_000, streams: 60, perAppend: 100, tag: 'backlog' });
    const rounds: { stopAfter: number; before: number | null; after: number | null; head: number }[] = [];
    for (let kill = 0; kill < KILLS; kill++) {
      const before = await readStore.getCheckpoint('event-counter');
      // A random number of commits, so each round cuts the log at a different place; the other
      // projection is frozen wherever it happens to be (reading, applying, between batches).
      const stopAfter = 1 + Math.floor(Math.random() * MAX_COMMITS_BEFORE_KILL);
      const { child, checkpoint } = await runChildUntilCommit(eventsFile, readFile, stopAfter);
      await killHard(child);
      const after = await readStore.getCheckpoint('event-counter');
      const head = await eventStore.headPosition();
      rounds.push({ stopAfter, before, after, head });
      // Killed mid-run: exactly the announced commit is durable, and the log was far from done.
      expect(after).toBe(checkpoint);
      expect(after).toBeGreaterThan(before ?? 0);
      expect(after).toBeLessThanOrEqual((before ?? 0) + stopAfter * BATCH_SIZE);
      expect(after).toBeLessThan(head);
      // More work arrives while the worker is down.
      await appendBacklog(eventStore, { total: 500, streams: 7, perAppend: 50, tag: `k${kill}-` });
    }
    if (process.env['CRASH_TEST_VERBOSE']) console.log(rounds);

    const runner = new ProjectionRunner({
      eventStore,
      readStore,
      projections: [eventCounterProjection(), streamCatalogueProjection],
      logger: silentLogger,
    });
    runner.start();
    const head = await eventStore.headPosition();
    expect(head).toBe(60_000 + KILLS * 500);
    await eventually(
      async () =>
        (await runner.status()).projections.every((p) => p.state === 'live' && p.checkpoint === head),
      120_000,
      'the restarted runner to catch up',
    );
    await runner.stop();

    const collections = [
      EVENT_COUNTS_COLLECTION,
      STREAM_CATALOGUE_COLLECTION,
      PROJECTION_VERSIONS_COLLECTION,
    ];
    const recovered = await readAllDocuments(readStore, collections);
    expect(recovered[EVENT_COUNTS_COLLECTION]?.find((d) => d._id === TOTAL_ID)).toMatchObject({
      count: head,
    });

    const cleanStore = await openSqliteReadStore({ file: dir.file('clean.sqlite') });
    try {
      await rebuildProjections({
        eventStore,
        readStore: cleanStore,
        projections: [eventCounterProjection(), streamCatalogueProjection],
      });
      expect(await readAllDocuments(cleanStore, collections)).toEqual(recovered);
    } finally {
      await cleanStore.close();
    }
  });
});
