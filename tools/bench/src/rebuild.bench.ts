/**
 * Rebuild throughput: fills a fresh embedded event store, then rebuilds the stream catalogue into
 * a fresh embedded read store. Beside it, the ceiling measured in the same run: paging `$all`
 * alone, with no projection and no writes.
 *
 *   node -r @swc-node/register tools/bench/src/rebuild.bench.ts [--events 500000] [--streams 25000]
 *        [--batch-size 10000] [--runner [--runner-batch-size 1000]] [--keep]
 *
 * Target: >= 100,000 events/s for the rebuild. With --runner, also the live runner's catch-up
 * over the same log (subscription, batches of 1000, a commit per batch), for comparison.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { EventStore } from '@fieldstream/event-store';
import { openSqliteEventStore } from '@fieldstream/event-store-sqlite';
import {
  ProjectionRunner,
  rebuildProjections,
  silentLogger,
  streamCatalogueProjection,
} from '@fieldstream/projections';
import { openSqliteReadStore } from '@fieldstream/read-store-sqlite';
import { fillEventLog } from './rebuild-fill';

const TARGET_EVENTS_PER_SECOND = 100_000;

const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '500000' },
    streams: { type: 'string', default: '25000' },
    'batch-size': { type: 'string', default: '10000' },
    keep: { type: 'boolean', default: false },
    runner: { type: 'boolean', default: false },
    'runner-batch-size': { type: 'string', default: '1000' },
  },
});
const positive = (name: string, text: string): number => {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`--${name} must be a positive integer, got ${text}`);
  return value;
};
const EVENTS = positive('events', values.events);
const STREAMS = positive('streams', values.streams);
const BATCH_SIZE = positive('batch-size', values['batch-size']);
const RUNNER_BATCH_SIZE = positive('runner-batch-size', values['runner-batch-size']);

const line = (text: string) => process.stdout.write(`${text}\n`);
const rate = (events: number, ms: number) => Math.round((events * 1000) / ms);
/** A line redrawn in place on a terminal; in a log file, one line every five seconds. */
let lastLoggedAt = 0;
const progressLine = (text: string) => {
  if (process.stdout.isTTY) process.stdout.write(`\r  ${text}   `);
  else if (performance.now() - lastLoggedAt > 5000) {
    lastLoggedAt = performance.now();
    line(`  ${text}`);
  }
};
const load = () =>
  `load average ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`;

async function readAllOnly(eventStore: EventStore): Promise<{ events: number; ms: number }> {
  const started = performance.now();
  let after: number | undefined;
  let events = 0;
  for (;;) {
    const page = await eventStore.readAll({
      maxCount: BATCH_SIZE,
      ...(after === undefined ? {} : { after }),
    });
    const last = page[page.length - 1];
    if (!last) break;
    events += page.length;
    after = last.position;
  }
  return { events, ms: performance.now() - started };
}

async function runnerCatchUp(eventStore: EventStore, file: string): Promise<void> {
  const readStore = await openSqliteReadStore({ file });
  const runner = new ProjectionRunner({
    eventStore,
    readStore,
    projections: [streamCatalogueProjection],
    logger: silentLogger,
    batchSize: RUNNER_BATCH_SIZE,
  });
  const head = await eventStore.headPosition();
  const started = performance.now();
  runner.start();
  try {
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const [status] = (await runner.status()).projections;
      if (status?.state === 'failed') throw new Error(`runner failed: ${status.lastError?.message}`);
      if (status?.checkpoint === head) break;
      progressLine(
        `runner catching up: ${status?.checkpoint ?? 0}/${head} (${status?.eventsPerSecond ?? 0} events/s)`,
      );
    }
    const ms = performance.now() - started;
    if (process.stdout.isTTY) process.stdout.write('\n');
    line(
      `  runner catch-up from zero (batches of ${RUNNER_BATCH_SIZE}): ${head} events in ${(ms / 1000).toFixed(2)} s = ${rate(head, ms)} events/s`,
    );
  } finally {
    await runner.stop();
    await readStore.close();
  }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'fieldstream-rebuild-bench-'));
  line(`rebuild bench: ${EVENTS} events over ${STREAMS} streams, batch size ${BATCH_SIZE}, files in ${dir}`);
  line(`  ${load()}`);
  const eventStore = await openSqliteEventStore({ file: join(dir, 'events.sqlite') });
  const readStore = await openSqliteReadStore({ file: join(dir, 'read-models.sqlite') });
  try {
    const fillStarted = performance.now();
    let lastPrint = 0;
    await fillEventLog(eventStore, {
      events: EVENTS,
      streams: STREAMS,
      perAppend: 5,
      concurrency: 64,
      onProgress: (done) => {
        const now = performance.now();
        if (now - lastPrint > 500 || done === EVENTS) {
          lastPrint = now;
          progressLine(`filling: ${done}/${EVENTS} events (${rate(done, now - fillStarted)} events/s)`);
        }
      },
    });
    if (process.stdout.isTTY) process.stdout.write('\n');
    line(`  filled in ${((performance.now() - fillStarted) / 1000).toFixed(1)} s`);

    const ceiling = await readAllOnly(eventStore);
    line(
      `  ceiling, paging $all alone:  ${ceiling.events} events in ${(ceiling.ms / 1000).toFixed(2)} s = ${rate(ceiling.events, ceiling.ms)} events/s`,
    );

    let lastProgress = 0;
    const [result] = await rebuildProjections({
      eventStore,
      readStore,
      projections: [streamCatalogueProjection],
      batchSize: BATCH_SIZE,
      onProgress: (progress) => {
        if (progress.elapsedMs - lastProgress > 500) {
          lastProgress = progress.elapsedMs;
          progressLine(
            `rebuilding: ${progress.position}/${progress.headPosition} (${rate(progress.events, progress.elapsedMs)} events/s)`,
          );
        }
      },
    });
    if (process.stdout.isTTY) process.stdout.write('\n');
    if (!result) throw new Error('rebuild returned no result');
    if (result.events !== EVENTS || result.documents !== Math.min(STREAMS, Math.ceil(EVENTS / 5))) {
      throw new Error(
        `rebuild produced ${result.events} events / ${result.documents} documents, expected ${EVENTS} / ${STREAMS}`,
      );
    }
    line(
      `  rebuild stream-catalogue:    ${result.events} events, ${result.documents} documents in ${result.seconds.toFixed(2)} s = ${result.eventsPerSecond} events/s (${Math.round((100 * result.eventsPerSecond) / rate(ceiling.events, ceiling.ms))}% of the ceiling)`,
    );
    const { readMs, applyMs, commitMs } = result.timings;
    line(`  rebuild time split:          read ${readMs} ms, apply ${applyMs} ms, commit ${commitMs} ms`);
    line(`  ${load()}`);
    if (values.runner) await runnerCatchUp(eventStore, join(dir, 'runner-read-models.sqlite'));
    line(
      `  target >= ${TARGET_EVENTS_PER_SECOND} events/s: ${result.eventsPerSecond >= TARGET_EVENTS_PER_SECOND ? 'PASS' : 'MISS'}`,
    );
  } finally {
    await readStore.close();
    await eventStore.close();
    if (values.keep) line(`  kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
