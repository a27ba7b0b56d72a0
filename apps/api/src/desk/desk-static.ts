import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { LoggerService } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import express, { type NextFunction, type Request, type Response } from 'express';

/** The API's own paths: the desk's files are never looked for there. */
const API_PATH = /^\/api(\/|$)/;

/**
 * Serves the built SPA next to the API (embedded mode): its files as they are, and index.html for
 * any other GET that wants HTML outside /api, so client-side routes survive a reload. Anything
 * else falls through to Nest, whose 404 becomes a problem document.
 */
export function serveDesk(app: NestExpressApplication, deskDist: string, logger: LoggerService): void {
  const indexFile = join(deskDist, 'index.html');
  if (!existsSync(indexFile)) {
    logger.warn(
      `The desk is not built (${indexFile} is missing): only the API is served. Build it with: npx nx run desk:build`,
      'Desk',
    );
  }
  const files = express.static(deskDist, {
    index: false,
    fallthrough: true,
    setHeaders: (response, path) => {
      // Vite puts content-hashed files under assets/: they never change under the same name.
      response.setHeader(
        'Cache-Control',
        /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
  // Not in front of the API: looking for a file first cost every API call a stat of the disk.
  app.use((request: Request, response: Response, next: NextFunction) => {
    if (API_PATH.test(request.path)) next();
    else files(request, response, next);
  });
  app.use((request: Request, response: Response, next: NextFunction) => {
    const wantsPage =
      (request.method === 'GET' || request.method === 'HEAD') &&
      !API_PATH.test(request.path) &&
      // A path with a file extension is a missing file, not a client-side route.
      !/\.[A-Za-z0-9]+$/.test(request.path) &&
      request.accepts(['html', 'json']) === 'html';
    if (!wantsPage || !existsSync(indexFile)) {
      next();
      return;
    }
    response.setHeader('Cache-Control', 'no-cache');
    response.sendFile(indexFile);
  });
}
