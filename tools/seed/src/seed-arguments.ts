import { parseArgs } from 'node:util';

export const SEED_USAGE = `Usage: seed [--if-empty] [--no-progress]

Writes the demo organisation (units, zones, 60 technicians, 200 customers, 600 sites, 2,000
assets, contracts...) and one demo user per role into the installation named by the environment
(DATA_DIR, or ESDB_URL / MONGO_URL), through the master-data import. Running it again changes nothing.
  --if-empty     do nothing when the installation already has units (used by the start command)
  --no-progress  no progress bars, only the summary`;

export interface SeedArguments {
  ifEmpty: boolean;
  progress: boolean;
  help: boolean;
}

/** Wrong command-line input: printed with the usage, exit code 2. */
export class CliUsageError extends Error {
  override readonly name = 'CliUsageError';
}

export function parseSeedArguments(argv: readonly string[]): SeedArguments {
  try {
    const { values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        'if-empty': { type: 'boolean' },
        'no-progress': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    return {
      ifEmpty: values['if-empty'] ?? false,
      progress: !values['no-progress'],
      help: values.help ?? false,
    };
  } catch (error) {
    throw new CliUsageError((error as Error).message);
  }
}
