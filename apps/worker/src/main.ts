import 'reflect-metadata';
import { JsonLogger, loadConfigOrExit, runUntilSignalled } from '@fieldstream/infrastructure';
import { startWorker } from './create-worker';

const config = loadConfigOrExit();
const logger = new JsonLogger('worker', config.logLevel);

runUntilSignalled({
  service: 'worker',
  logger,
  shutdownTimeoutMs: config.shutdownTimeoutMs,
  stoppingMessage: 'finishing the current jobs and batch',
  start: () => startWorker(config, { logger }),
});
