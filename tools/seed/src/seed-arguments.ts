import { parseArgs } from 'node:util';

export const SEED_USAGE = `Usage: seed [--if-empty] [--no-progress] [--requests N]

Writes the demo organisation (units, zones, 60 technicians, 200 customers, 600 sites, 2,000
assets, contracts...) and one demo user per role into the installation named by the environment
(DATA_DIR, or ESDB_URL / MONGO_URL), through the master-data import. Running it again changes nothing.
Then it plays a service history: N service requests (default 2,500) opened over the last 90
days and planned over the next 14, in every state, through the same commands the API runs.
  --if-empty     do nothing when the installation already has units (used by the start command)
  --requests N   how many demo service requests to play (0 for none)
  --no-progress  no progress bars, only the summary`;

export const DEFAULT_DEMO_REQUESTS = 2500;

export interface SeedArguments {
  ifEmpty: boolean;
  progress: boolean;
  requests: number;
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
        requests: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    const requests = Number(values.requests ?? DEFAULT_DEMO_REQUESTS);
    if (!Number.isInteger(requests) || requests < 0 || requests > 100_000) {
      throw new CliUsageError(`--requests must be a whole number from 0 to 100000, not "${values.requests}"`);
    }
    return {
      requests,
      ifEmpty: values['if-empty'] ?? false,
      progress: !values['no-progress'],
      help: values.help ?? false,
    };
  } catch (error) {
    if (error instanceof CliUsageError) throw error;
    throw new CliUsageError((error as Error).message);
  }
}
