import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { IMPORT_LIMITS, systemContext } from '@fieldstream/application';
import { type CliSession, openCliSession } from './cli-session';
import { IMPORT_USAGE, parseImportArguments } from './import-arguments';
import { formatImportReport } from './import-report';
import { PhaseProgressBar } from './phase-progress.bar';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE } from './run-seed';
import type { CliContext } from '@fieldstream/infrastructure';
import { CliUsageError } from './seed-arguments';

/** The import CLI as a function; answers the exit code (1 when the file is rejected). */
export async function runImportCli(argv: readonly string[], context: CliContext): Promise<number> {
  const print = (stream: NodeJS.WritableStream, text: string) => stream.write(`${text}\n`);
  let args: ReturnType<typeof parseImportArguments>;
  let text: string;
  try {
    args = parseImportArguments(argv, context.cwd);
    if (args.help) {
      print(context.stdout, IMPORT_USAGE);
      return EXIT_OK;
    }
    const size = await stat(args.file).then(
      (found) => found.size,
      () => {
        throw new CliUsageError(`No file ${args.file}`);
      },
    );
    if (size > IMPORT_LIMITS.maxBytes)
      throw new CliUsageError(
        `${args.file} has ${size} bytes; at most ${IMPORT_LIMITS.maxBytes} are accepted. Split it.`,
      );
    text = await readFile(args.file, 'utf8');
  } catch (error) {
    if (!(error instanceof CliUsageError)) throw error;
    print(context.stderr, `import: ${error.message}\n\n${IMPORT_USAGE}`);
    return EXIT_USAGE;
  }

  let session: CliSession | undefined;
  const bar = args.progress ? new PhaseProgressBar(context.stderr) : null;
  try {
    session = await openCliSession(context.env, context.cwd);
    print(
      context.stdout,
      `${args.dryRun ? 'Checking' : 'Importing'} ${args.file} (${args.kind ?? 'all kinds'}) into ${session.describe}`,
    );
    const result = await session.imports.run(
      systemContext(new Date().toISOString(), 'import-cli', { client: 'import-cli' }),
      { ...(args.kind ? { kind: args.kind } : {}), format: args.format, text, fileName: basename(args.file) },
      {
        dryRun: args.dryRun,
        onProgress: (progress) =>
          progress.phase === 'validating' || progress.phase === 'writing'
            ? bar?.update(progress.phase, progress.done, progress.total)
            : undefined,
      },
    );
    bar?.finish();
    const ok = result.status === 'committed' || result.status === 'validated';
    print(ok ? context.stdout : context.stderr, formatImportReport(result, args.format === 'csv'));
    return ok ? EXIT_OK : EXIT_FAILED;
  } catch (error) {
    bar?.finish();
    print(context.stderr, `import failed: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT_FAILED;
  } finally {
    await session?.close();
  }
}
