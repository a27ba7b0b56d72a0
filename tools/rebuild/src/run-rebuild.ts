import type { CliContext } from '@fieldstream/infrastructure';
import { existsSync } from 'node:fs';
import type { EventStore } from '@fieldstream/event-store';
import { openSqliteEventStore } from '@fieldstream/event-store-sqlite';
import {
  type AnyProjection,
  type RebuildResult,
  builtInProjections,
  rebuildProjections,
} from '@fieldstream/projections';
import type { ReadStore } from '@fieldstream/read-store';
import { openSqliteReadStore } from '@fieldstream/read-store-sqlite';
import { REBUILD_USAGE, RebuildUsageError, parseRebuildArguments } from './rebuild-arguments';
import { RebuildProgressBar } from './rebuild-progress.bar';

export interface RebuildCliContext extends CliContext {
  /** The projections the CLI knows by name. */
  projections?: readonly AnyProjection[];
}

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

/** The whole CLI as a function, so tests and other tools can run it in-process. Answers the exit code. */
export async function runRebuildCli(argv: readonly string[], context: RebuildCliContext): Promise<number> {
  const known = context.projections ?? builtInProjections;
  const print = (stream: NodeJS.WritableStream, text: string) => stream.write(`${text}\n`);
  let chosen: readonly AnyProjection[];
  let args: ReturnType<typeof parseRebuildArguments>;
  try {
    args = parseRebuildArguments(argv, context.env, context.cwd);
    if (args.help) {
      print(context.stdout, REBUILD_USAGE);
      return EXIT_OK;
    }
    chosen = choose(args.projections, known);
    if (!existsSync(args.eventStoreFile)) {
      throw new RebuildUsageError(
        `No event store at ${args.eventStoreFile} (set --event-store-file or DATA_DIR)`,
        '--event-store-file',
      );
    }
  } catch (error) {
    if (!(error instanceof RebuildUsageError)) throw error;
    print(context.stderr, `rebuild: ${error.message}\n\n${REBUILD_USAGE}`);
    return EXIT_USAGE;
  }

  let eventStore: EventStore | undefined;
  let readStore: ReadStore | undefined;
  const bar = args.progress ? new RebuildProgressBar(context.stderr) : null;
  try {
    eventStore = await openSqliteEventStore({ file: args.eventStoreFile });
    readStore = await openSqliteReadStore({ file: args.readStoreFile });
    print(
      context.stdout,
      `Rebuilding ${chosen.map((p) => p.name).join(', ')} from ${args.eventStoreFile} into ${args.readStoreFile}`,
    );
    const results = await rebuildProjections({
      eventStore,
      readStore,
      projections: chosen,
      ...(args.batchSize === undefined ? {} : { batchSize: args.batchSize }),
      ...(bar ? { onProgress: (progress) => bar.update(progress) } : {}),
    });
    bar?.finish();
    print(context.stdout, summarise(results));
    return EXIT_OK;
  } catch (error) {
    bar?.finish();
    print(context.stderr, `rebuild failed: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT_FAILED;
  } finally {
    await readStore?.close();
    await eventStore?.close();
  }
}

function choose(names: string[] | 'all', known: readonly AnyProjection[]): readonly AnyProjection[] {
  if (names === 'all') return known;
  return names.map((name) => {
    const projection = known.find((candidate) => candidate.name === name);
    if (!projection) {
      throw new RebuildUsageError(
        `Unknown projection "${name}"; known: ${known.map((p) => p.name).join(', ')}`,
        '--projection',
      );
    }
    return projection;
  });
}

export function summarise(results: readonly RebuildResult[]): string {
  const rows = results.map(
    (r) =>
      `  ${r.projection.padEnd(24)} ${String(r.events).padStart(10)} events ${String(r.documents).padStart(9)} documents ${r.seconds.toFixed(2).padStart(8)} s ${String(r.eventsPerSecond).padStart(9)} events/s`,
  );
  const events = results.reduce((sum, r) => sum + r.events, 0);
  const documents = results.reduce((sum, r) => sum + r.documents, 0);
  const seconds = results.reduce((sum, r) => sum + r.seconds, 0);
  const rate = seconds > 0 ? Math.round(events / seconds) : 0;
  return [
    'Rebuilt:',
    ...rows,
    `  ${'total'.padEnd(24)} ${String(events).padStart(10)} events ${String(documents).padStart(9)} documents ${seconds.toFixed(2).padStart(8)} s ${String(rate).padStart(9)} events/s`,
  ].join('\n');
}
