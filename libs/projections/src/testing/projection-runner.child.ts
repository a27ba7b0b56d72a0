/**
 * A worker process for the crash test: runs the runner over the given files until it is killed.
 * Usage: node -r @swc-node/register projection-runner.child.ts EVENTS_FILE READ_FILE BATCH_SIZE STOP_AFTER
 *
 * After the STOP_AFTER-th commit of `event-counter` it prints `committed <checkpoint>` and then
 * freezes (the whole thread, so no projection moves on) until the parent's SIGKILL: the kill
 * thus lands after a known, durable commit and before the end of the log, whatever the load on
 * the machine. The other projection is frozen wherever it happened to be.
 */
import { openSqliteEventStore } from '@fieldstream/event-store-sqlite';
import { openSqliteReadStore } from '@fieldstream/read-store-sqlite';
import { silentLogger } from '../projection-logger';
import { ProjectionRunner } from '../projection.runner';
import { streamCatalogueProjection } from '../stream-catalogue.projection';
import { eventCounterProjection } from './event-counter.projection';

/** Long enough for any parent to react; a parent that never kills still gets its exit. */
const FREEZE_MS = 60_000;

function freeze(): never {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, FREEZE_MS);
  process.stderr.write('not killed while frozen\n');
  process.exit(2);
}

async function main(): Promise<void> {
  const [eventsFile, readFile, batchSize, stopAfter] = process.argv.slice(2);
  if (!eventsFile || !readFile || !stopAfter) {
    throw new Error('usage: projection-runner.child.ts EVENTS_FILE READ_FILE BATCH_SIZE STOP_AFTER');
  }
  const eventStore = await openSqliteEventStore({ file: eventsFile });
  const readStore = await openSqliteReadStore({ file: readFile });
  let commits = 0;
  const runner = new ProjectionRunner({
    eventStore,
    readStore,
    projections: [eventCounterProjection(), streamCatalogueProjection],
    batchSize: Number(batchSize),
    logger: silentLogger,
    onCommit: ({ projection, checkpoint }) => {
      if (projection !== 'event-counter' || ++commits < Number(stopAfter)) return;
      // stdout is a pipe, written synchronously on Linux: the line is out before the freeze.
      process.stdout.write(`committed ${checkpoint}\n`);
      freeze();
    },
  });
  runner.start();
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
