import type { JsonLogger } from '../logging/json-logger';

/**
 * The life of a server process (api, worker): start it; on SIGTERM or SIGINT stop it gracefully,
 * but never wait longer than `shutdownTimeoutMs` (a hung close must not keep a deploy waiting);
 * a failure to start is one fatal JSON line on stderr and exit code 1.
 */
export function runUntilSignalled(options: {
  service: string;
  logger: JsonLogger;
  shutdownTimeoutMs: number;
  /** Said in the log when a signal arrives, e.g. "finishing the current jobs and batch". */
  stoppingMessage: string;
  start(): Promise<{ stop(): Promise<void> }>;
}): void {
  const { service, logger, shutdownTimeoutMs } = options;
  let running: { stop(): Promise<void> } | undefined;
  let stopping = false;

  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.log({ msg: `Received ${signal}, ${options.stoppingMessage}`, signal }, 'Main');
    const force = setTimeout(() => {
      logger.error({ msg: `Shutdown took longer than ${shutdownTimeoutMs} ms; exiting anyway` }, 'Main');
      process.exit(1);
    }, shutdownTimeoutMs);
    force.unref();
    (running?.stop() ?? Promise.resolve()).then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error(
          { msg: 'Shutdown failed' },
          error instanceof Error ? error.stack : String(error),
          'Main',
        );
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);

  options.start().then(
    (started) => {
      running = started;
    },
    (error: unknown) => {
      process.stderr.write(
        `${JSON.stringify({ time: new Date().toISOString(), level: 'fatal', service, msg: `${service} failed to start`, error: error instanceof Error ? error.stack : String(error) })}\n`,
      );
      process.exit(1);
    },
  );
}
