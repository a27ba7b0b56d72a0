import { Controller, Get, Header } from '@nestjs/common';
import { Public } from '../auth/public.decorator';
import { API_ROUTES } from './api-routes';
import { type OpenApiDocument, buildOpenApiDocument } from './openapi-document';

/** The version of the API the document describes (not of the product). */
export const API_DOCUMENT_VERSION = '0.1.0';

/** The OpenAPI 3.1 document, public so that tools and the docs page can read it before signing in. */
@Controller()
export class OpenApiController {
  private document: OpenApiDocument | undefined;

  @Public()
  @Get('openapi.json')
  @Header('Cache-Control', 'no-cache')
  openApi(): OpenApiDocument {
    // Built on first use: converting every schema costs a few milliseconds, once.
    this.document ??= buildOpenApiDocument(API_ROUTES, API_DOCUMENT_VERSION);
    return this.document;
  }
}
