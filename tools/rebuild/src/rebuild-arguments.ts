import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

export const REBUILD_USAGE = `Usage: rebuild [--projection NAME ... | --all] [--event-store-file F] [--read-store-file F] [--batch-size N]

Drops the chosen projections' documents and checkpoints and replays the event log from zero.
  --projection NAME     a projection to rebuild (repeatable)
  --all                 every projection (the default when no --projection is given)
  --event-store-file F  default $DATA_DIR/events.sqlite ($DATA_DIR defaults to ./data)
  --read-store-file F   default $DATA_DIR/read-models.sqlite
  --batch-size N        events per page read, 1 to 10000 (default 10000)
  --no-progress         no progress bar, only the summary`;

export interface RebuildArguments {
  /** Projection names, or 'all'. */
  projections: string[] | 'all';
  eventStoreFile: string;
  readStoreFile: string;
  batchSize?: number;
  progress: boolean;
  help: boolean;
}

/** Wrong command-line input; the CLI prints it with the usage and exits with code 2. */
export class RebuildUsageError extends Error {
  override readonly name = 'RebuildUsageError';
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
  }
}

export function parseRebuildArguments(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  cwd: string,
): RebuildArguments {
  let values: ReturnType<typeof parse>['values'];
  try {
    values = parse(argv).values;
  } catch (error) {
    throw new RebuildUsageError((error as Error).message, 'arguments');
  }
  const dataDir = resolve(cwd, env['DATA_DIR'] || './data');
  const named = values.projection ?? [];
  if (values.all && named.length > 0) {
    throw new RebuildUsageError('Give either --projection or --all, not both', '--projection');
  }
  if (named.some((name) => name.trim() === '')) {
    throw new RebuildUsageError('--projection needs a projection name', '--projection');
  }
  let batchSize: number | undefined;
  if (values['batch-size'] !== undefined) {
    batchSize = Number(values['batch-size']);
    if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000) {
      throw new RebuildUsageError(
        `--batch-size must be an integer from 1 to 10000, got "${values['batch-size']}"`,
        '--batch-size',
      );
    }
  }
  for (const flag of ['event-store-file', 'read-store-file'] as const) {
    if (values[flag] !== undefined && values[flag].trim() === '') {
      throw new RebuildUsageError(`--${flag} needs a file path`, `--${flag}`);
    }
  }
  return {
    projections: named.length > 0 ? [...new Set(named)] : 'all',
    eventStoreFile: resolve(cwd, values['event-store-file'] ?? resolve(dataDir, 'events.sqlite')),
    readStoreFile: resolve(cwd, values['read-store-file'] ?? resolve(dataDir, 'read-models.sqlite')),
    ...(batchSize === undefined ? {} : { batchSize }),
    progress: !values['no-progress'],
    help: values.help ?? false,
  };
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: {
      projection: { type: 'string', multiple: true },
      all: { type: 'boolean' },
      'event-store-file': { type: 'string' },
      'read-store-file': { type: 'string' },
      'batch-size': { type: 'string' },
      'no-progress': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}
