import 'reflect-metadata';
import { JsonLogger, loadConfigOrExit } from '@fieldstream/infrastructure';
import { startWorker } from './create-worker';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const logger = new JsonLogger('worker', config.logLevel);
  const worker = await startWorker(config, { logger });

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.log({ msg: `Received ${signal}, finishing the current jobs and batch`, signal }, 'Main');
    const force = setTimeout(() => {
      logger.error(
        { msg: `Shutdown took longer than ${config.shutdownTimeoutMs} ms; exiting anyway` },
        'Main',
      );
      process.exit(1);
    }, config.shutdownTimeoutMs);
    force.unref();
    worker.stop().then(
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
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${JSON.stringify({ time: new Date().toISOString(), level: 'fatal', service: 'worker', msg: 'Worker failed to start', error: error instanceof Error ? error.stack : String(error) })}\n`,
  );
  process.exit(1);
});
