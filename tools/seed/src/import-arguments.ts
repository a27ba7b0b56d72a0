import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { masterDataKindByPlural } from '@fieldstream/domain';
import { CliUsageError } from './seed-arguments';

export const IMPORT_USAGE = `Usage: import <kind|all> <file> [--dry-run] [--no-progress]

Imports master data from a CSV or JSON file into the installation named by the environment
(DATA_DIR, or ESDB_URL / MONGO_URL), acting as the system. Every row is checked first; one bad
row and nothing is written (exit code 1). Re-running the same file changes nothing.
  <kind>         the plural of a master-data kind (sites, customers, technicians...), or
                 "all" for a JSON document { "units": [...], "sites": [...], ... }
  <file>         .csv (header row of field paths, ; or , separated) or .json
  --dry-run      check only, write nothing
  --no-progress  no progress bars, only the report`;

export interface ImportArguments {
  /** The plural, or undefined for a multi-kind document. */
  kind?: string;
  file: string;
  format: 'csv' | 'json';
  dryRun: boolean;
  progress: boolean;
  help: boolean;
}

export function parseImportArguments(argv: readonly string[], cwd: string): ImportArguments {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    throw new CliUsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  const help = values.help ?? false;
  if (help) return { file: '', format: 'csv', dryRun: false, progress: false, help };
  if (positionals.length !== 2) throw new CliUsageError('Give a kind and a file');
  const [kind, file] = positionals as [string, string];
  if (kind !== 'all' && !masterDataKindByPlural(kind))
    throw new CliUsageError(`There is no master-data kind ${kind}`);
  const format = /\.json$/i.test(file) ? 'json' : /\.(csv|txt)$/i.test(file) ? 'csv' : undefined;
  if (!format) throw new CliUsageError(`Cannot tell the format of ${file}: name it .csv or .json`);
  if (kind === 'all' && format !== 'json')
    throw new CliUsageError('A multi-kind import ("all") is a JSON document');
  return {
    ...(kind === 'all' ? {} : { kind }),
    file: resolve(cwd, file),
    format,
    dryRun: values['dry-run'] ?? false,
    progress: !values['no-progress'],
    help,
  };
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: true,
    options: {
      'dry-run': { type: 'boolean' },
      'no-progress': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}
