import type { CommandContext, ImportInput } from '@fieldstream/application';
import type { Principal } from '@fieldstream/domain';
import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  Post,
  Query,
  Res,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import type { Response } from 'express';
import { RequestCommandContext } from '../request/command-context.decorator';
import { CurrentPrincipal } from '../request/current-principal.decorator';
import { ImportJobs } from './import-jobs';

/** Printable Latin-1, what a header can carry; control characters would corrupt logs and events. */
const FILE_NAME = /^[\x20-\x7e\u00a0-\u00ff]{1,200}$/;

/** What the body is, by its Content-Type; text/plain is sniffed (a pasted file). */
function inputOf(
  kind: string | undefined,
  contentType: string | undefined,
  body: unknown,
  fileName: string | undefined,
): ImportInput {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  const named = fileName && FILE_NAME.test(fileName) ? { fileName } : {};
  const withKind = kind === undefined ? {} : { kind };
  if (type === 'application/json' || type.endsWith('+json'))
    return { ...withKind, format: 'json', data: body, ...named };
  if (typeof body === 'string' && (type === 'text/csv' || type === 'text/plain')) {
    const json = type === 'text/plain' && /^\s*[[{]/.test(body);
    if (kind === undefined && !json)
      throw new UnsupportedMediaTypeException('A multi-kind import is a JSON document');
    return { ...withKind, format: json ? 'json' : 'csv', text: body, ...named };
  }
  throw new UnsupportedMediaTypeException('Send text/csv or application/json');
}

function isDryRun(value: string | undefined): boolean {
  return value === 'true' || value === '1';
}

/**
 * Bulk imports of master data. The file is accepted at once (202 with its id) and imported in
 * the background; the client polls `GET /api/imports/:importId` for progress and the row report.
 */
@Controller('imports')
export class ImportController {
  constructor(private readonly jobs: ImportJobs) {}

  /** A multi-kind JSON document `{ "units": [...], "sites": [...] }`, written in dependency order. */
  @Post()
  @HttpCode(202)
  importDocument(
    @Body() body: unknown,
    @Headers('content-type') contentType: string | undefined,
    @Headers('x-file-name') fileName: string | undefined,
    @Query('dryRun') dryRun: string | undefined,
    @RequestCommandContext() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ) {
    const input = inputOf(undefined, contentType, body, fileName);
    const plurals =
      input.data && typeof input.data === 'object' && !Array.isArray(input.data)
        ? Object.keys(input.data)
        : [];
    return this.accepted(response, this.jobs.start(context, input, plurals, isDryRun(dryRun)));
  }

  /** One kind's file, CSV (`text/csv`) or JSON (an array of `{ code, ...fields }`). */
  @Post(':kind')
  @HttpCode(202)
  importKind(
    @Param('kind') kind: string,
    @Body() body: unknown,
    @Headers('content-type') contentType: string | undefined,
    @Headers('x-file-name') fileName: string | undefined,
    @Query('dryRun') dryRun: string | undefined,
    @RequestCommandContext() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ) {
    const input = inputOf(kind, contentType, body, fileName);
    return this.accepted(response, this.jobs.start(context, input, [kind], isDryRun(dryRun)));
  }

  @Get(':importId')
  get(@Param('importId') importId: string, @CurrentPrincipal() principal: Principal) {
    return this.jobs.get(principal, importId);
  }

  private accepted(response: Response, importId: string) {
    response.setHeader('Location', `/api/imports/${importId}`);
    return { importId };
  }
}
