import { type AppConfig, JsonLogger } from '@fieldstream/infrastructure';
import type { INestApplicationContext, LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { WorkerLifecycle } from './worker-lifecycle.service';
import { WorkerModule, type WorkerModuleOptions } from './worker.module';

export interface RunningWorker {
  app: INestApplicationContext;
  /** Graceful: finishes the running jobs and projection batch, then closes the stores. */
  stop(): Promise<void>;
}

/** Builds and starts the worker (no HTTP): used by main.ts and by the integration tests. */
export async function startWorker(
  config: AppConfig,
  options: WorkerModuleOptions & { logger?: LoggerService } = {},
): Promise<RunningWorker> {
  const logger = options.logger ?? new JsonLogger('worker', config.logLevel);
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config, options), {
    logger,
    abortOnError: false,
  });
  app.useLogger(logger);
  await app.init();
  await app.get(WorkerLifecycle).start();
  return { app, stop: () => app.close() };
}
