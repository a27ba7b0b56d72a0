import { Module } from '@nestjs/common';
import { ApiDocsController } from './api-docs.controller';
import { OpenApiController } from './openapi.controller';

/** `/api/openapi.json` and the docs page that browses it. */
@Module({ controllers: [OpenApiController, ApiDocsController] })
export class OpenApiModule {}
