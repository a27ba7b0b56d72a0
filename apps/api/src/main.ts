import 'reflect-metadata';
import { JsonLogger, loadConfigOrExit } from '@fieldstream/infrastructure';
import { createApiApp } from './create-api-app';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const logger = new JsonLogger('api', config.logLevel);
  const app = await createApiApp(config, { logger });

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.log({ msg: `Received ${signal}, shutting down`, signal }, 'Main');
    // A hung close must not keep the process (and a deploy) waiting for ever.
    const force = setTimeout(() => {
      logger.error(
        { msg: `Shutdown took longer than ${config.shutdownTimeoutMs} ms; exiting anyway` },
        'Main',
      );
      process.exit(1);
    }, config.shutdownTimeoutMs);
    force.unref();
    app.close().then(
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

  await app.listen(config.port, config.host);
  logger.log(
    {
      msg: `API listening on http://${config.host}:${config.port}/api`,
      eventStore: config.eventStore.kind,
      readStore: config.readStore.kind,
      servesDesk: config.deskDist !== null,
    },
    'Main',
  );
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${JSON.stringify({ time: new Date().toISOString(), level: 'fatal', service: 'api', msg: 'API failed to start', error: error instanceof Error ? error.stack : String(error) })}\n`,
  );
  process.exit(1);
});
