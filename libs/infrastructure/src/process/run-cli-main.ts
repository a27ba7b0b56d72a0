/** What a command-line tool's entry gives its whole run: arguments and the process's streams. */
export interface CliContext {
  env: NodeJS.ProcessEnv;
  cwd: string;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

/**
 * The entry of a command-line tool: runs it on this process's arguments and streams, sets the exit
 * code it answers, and reports an unexpected failure with its stack under the tool's name.
 */
export function runCliMain(
  name: string,
  run: (argv: readonly string[], context: CliContext) => Promise<number>,
): void {
  run(process.argv.slice(2), {
    env: process.env,
    cwd: process.cwd(),
    stdout: process.stdout,
    stderr: process.stderr,
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(
        `${name}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
      process.exitCode = 1;
    },
  );
}
