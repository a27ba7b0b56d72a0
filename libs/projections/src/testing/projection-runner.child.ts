/**
 * A worker process for the crash test: runs the runner over the given files until it is killed.
 * Usage: node -r @swc-node/register projection-runner.child.ts EVENTS_FILE READ_FILE BATCH_SIZE
 */
import { openSqliteEventStore } from '@fieldstream/event-store-sqlite';
import { openSqliteReadStore } from '@fieldstream/read-store-sqlite';
import { silentLogger } from '../projection-logger';
import { ProjectionRunner } from '../projection.runner';
import { streamCatalogueProjection } from '../stream-catalogue.projection';
import { eventCounterProjection } from './event-counter.projection';

async function main(): Promise<void> {
  const [eventsFile, readFile, batchSize] = process.argv.slice(2);
  if (!eventsFile || !readFile) throw new Error('usage: projection-runner.child.ts EVENTS_FILE READ_FILE [BATCH_SIZE]');
  const eventStore = await openSqliteEventStore({ file: eventsFile });
  const readStore = await openSqliteReadStore({ file: readFile });
  const runner = new ProjectionRunner({
    eventStore,
    readStore,
    projections: [eventCounterProjection(), streamCatalogueProjection],
    batchSize: Number(batchSize ?? 100),
    logger: silentLogger,
  });
  runner.start();
  process.stdout.write('started\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
