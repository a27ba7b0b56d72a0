import { Controller, Get, NotFoundException, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Public } from '../auth/public.decorator';
import {
  DOCS_CONTENT_SECURITY_POLICY,
  DOCS_PAGE,
  DOCS_SCRIPT,
  SWAGGER_UI_FILES,
  swaggerUiFile,
} from './api-docs-page';

/** `/api/docs`: the OpenAPI document, browsable (Swagger UI). Public, like the document itself. */
@Public()
@Controller('docs')
export class ApiDocsController {
  @Get()
  page(@Res() response: Response): void {
    response
      .setHeader('Content-Security-Policy', DOCS_CONTENT_SECURITY_POLICY)
      .setHeader('Cache-Control', 'no-cache')
      .type('html')
      .send(DOCS_PAGE);
  }

  @Get('assets/:file')
  asset(@Param('file') file: string, @Res() response: Response): void {
    if (file === 'docs.js') {
      response
        .setHeader('Cache-Control', 'no-cache')
        .type('text/javascript; charset=utf-8')
        .send(DOCS_SCRIPT);
      return;
    }
    // Only the files listed, never a path the client makes up.
    const path = swaggerUiFile(file);
    if (!path) throw new NotFoundException(`No docs asset ${file}`);
    response
      .setHeader('Cache-Control', 'public, max-age=86400')
      .type(SWAGGER_UI_FILES[file]!)
      .sendFile(path, (error) => {
        // The package is missing or unreadable: say so plainly rather than hang or crash.
        if (error && !response.headersSent) response.status(404).type('text/plain').send('Not found');
      });
  }
}
