import 'reflect-metadata';
import { JsonLogger, loadConfigOrExit, runUntilSignalled } from '@fieldstream/infrastructure';
import { createApiApp } from './create-api-app';

const config = loadConfigOrExit();
const logger = new JsonLogger('api', config.logLevel);

runUntilSignalled({
  service: 'api',
  logger,
  shutdownTimeoutMs: config.shutdownTimeoutMs,
  stoppingMessage: 'shutting down',
  start: async () => {
    const app = await createApiApp(config, { logger });
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
    return { stop: () => app.close() };
  },
});
