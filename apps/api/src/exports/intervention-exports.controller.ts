import {
  type ExportRunList,
  type InterventionExportPage,
  exportRunBodySchema,
  exportRunDownloadQuerySchema,
  exportRunsQuerySchema,
  interventionExportPaths,
  interventionExportQuerySchema,
} from '@fieldstream/api-contract';
import { InterventionExports } from '@fieldstream/application';
import type { Principal } from '@fieldstream/domain';
import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { AuthenticatedRequest } from '../request/authenticated-request';
import { commandContextOf } from '../request/command-context.decorator';
import { CurrentPrincipal } from '../request/current-principal.decorator';
import { expectedVersionOf } from '../request/if-match';
import { sendExport } from './export-answer';
import { parseParameters } from './export-parameters';

/**
 * The back office's export of closed interventions: by closing period or after a cursor (`GET`),
 * or as the runs of a named consumer, each starting where its last one ended (`POST …/runs`),
 * listed and downloaded again. Who may, and what is exported, is the application's.
 */
@Controller()
export class InterventionExportsController {
  constructor(private readonly exports: InterventionExports) {}

  /** `?from=&to=&format=&lines=&after=&limit=`, all optional. */
  @Get(interventionExportPaths.interventions)
  async interventions(
    @Query() query: unknown,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<InterventionExportPage | string> {
    const asked = parseParameters(interventionExportQuerySchema, query);
    const page = await this.exports.page(principal, {
      lines: asked.lines,
      limit: asked.limit,
      ...(asked.from !== undefined && { from: asked.from }),
      ...(asked.to !== undefined && { to: asked.to }),
      ...(asked.after !== undefined && { after: asked.after }),
    });
    const next = new URLSearchParams({
      ...(asked.from !== undefined && { from: asked.from }),
      ...(asked.to !== undefined && { to: asked.to }),
      format: asked.format,
      lines: asked.lines,
      after: String(page.nextCursor),
      limit: String(asked.limit),
    });
    // The path as the client asked for it, whatever prefix a proxy put in front.
    const path = (request.originalUrl ?? request.url).split('?')[0];
    return sendExport(response, page, asked.format, `${path}?${next.toString()}`);
  }

  /** `?consumer=&limit=`: the consumer's runs, newest first; the ETag is its number of runs. */
  @Get(interventionExportPaths.runs)
  async runs(
    @Query() query: unknown,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ExportRunList> {
    const asked = parseParameters(exportRunsQuerySchema, query);
    const list = await this.exports.runs(principal, asked.consumer, asked.limit);
    response.setHeader('ETag', `"${list.version}"`);
    return list;
  }

  /**
   * The consumer's next run: 201 with the export and the run recorded (Location), or 200 with an
   * empty export when nothing is new (nothing recorded). If-Match: the runs the caller has seen.
   */
  @Post(interventionExportPaths.runs)
  async record(
    @Body() body: unknown,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<InterventionExportPage | string> {
    const asked = parseParameters(exportRunBodySchema, body ?? {});
    const answer = await this.exports.recordRun(
      commandContextOf(request),
      asked,
      expectedVersionOf(request.header('if-match')),
    );
    response.status(answer.recorded ? 201 : 200);
    response.setHeader('ETag', `"${answer.version}"`);
    if (answer.page.run)
      response.setHeader('Location', `/api${interventionExportPaths.runs}/${answer.page.run.runId}`);
    return sendExport(response, answer.page, asked.format);
  }

  /** `?format=&lines=`: a past run again, by default as it was first asked for. */
  @Get(interventionExportPaths.run)
  async run(
    @Param('runId') runId: string,
    @Query() query: unknown,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: Response,
  ): Promise<InterventionExportPage | string> {
    const asked = parseParameters(exportRunDownloadQuerySchema, query);
    const page = await this.exports.run(principal, runId, asked.lines ? { lines: asked.lines } : {});
    return sendExport(response, page, asked.format ?? page.run!.format);
  }
}
