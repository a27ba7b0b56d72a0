import { type AppConfig, JsonLogger } from '@fieldstream/infrastructure';
import type { LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { type NextFunction, type Request, type Response, json } from 'express';
import { type ApiModuleOptions, AppModule } from './app.module';
import { serveDesk } from './desk/desk-static';
import { MalformedBodyError } from './problem/problem-mapping';
import { loggablePath } from './request/loggable-path';

export const API_PREFIX = 'api';

/** Builds the API (not yet listening): used by main.ts and by the integration tests alike. */
export async function createApiApp(
  config: AppConfig,
  options: ApiModuleOptions & { logger?: LoggerService } = {},
): Promise<NestExpressApplication> {
  const logger = options.logger ?? new JsonLogger('api', config.logLevel);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, options), {
    logger,
    bodyParser: false,
    abortOnError: false,
  });
  app.useLogger(logger);
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  // Bulk imports may send whole JSON documents (thousands of records); everything else stays small.
  app.use('/api/imports', json({ limit: '20mb', type: ['application/json', 'application/*+json'] }));
  app.useBodyParser('json', { limit: config.bodyLimit, type: ['application/json', 'application/*+json'] });
  // Nest turns body-parser's SyntaxError into a bare BadRequestException, losing what it was;
  // re-tagged here so the problem filter can say "malformed body" (see problem-mapping).
  app.use((error: unknown, _request: Request, _response: Response, next: NextFunction) => {
    next(error instanceof SyntaxError ? new MalformedBodyError(error) : error);
  });
  app.use((request: Request, response: Response, next: NextFunction) => {
    const started = process.hrtime.bigint();
    response.on('finish', () => {
      logger.debug?.(
        {
          msg: 'request',
          method: request.method,
          path: loggablePath(request.originalUrl),
          status: response.statusCode,
          durationMs: Number(process.hrtime.bigint() - started) / 1e6,
        },
        'Http',
      );
    });
    next();
  });
  if (config.deskDist) serveDesk(app, config.deskDist, logger);
  app.setGlobalPrefix(API_PREFIX);
  return app;
}
