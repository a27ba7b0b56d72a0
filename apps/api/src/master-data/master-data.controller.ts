import { type CommandContext, MasterDataService } from '@fieldstream/application';
import type { Principal } from '@fieldstream/domain';
import { Body, Controller, Get, Headers, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { z } from 'zod';
import { RequestCommandContext } from '../request/command-context.decorator';
import { CurrentPrincipal } from '../request/current-principal.decorator';
import { expectedVersionOf } from '../request/if-match';

const listQuery = z.object({
  q: z.string().max(200).optional(),
  status: z.enum(['active', 'retired', 'all']).optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
  offset: z.coerce.number().int().min(0).optional(),
});

/**
 * Every master-data kind through one resource shape: `/api/master-data/<kind>[/<code>]`. Lists
 * take `q` (prefix search), `status`, paging, and any `<field>=<value>` to filter on the record.
 */
@Controller('master-data')
export class MasterDataController {
  constructor(private readonly masterData: MasterDataService) {}

  @Get()
  kinds(@CurrentPrincipal() principal: Principal) {
    return this.masterData.kinds(principal);
  }

  @Get(':kind')
  list(
    @Param('kind') kind: string,
    @Query() query: Record<string, string>,
    @CurrentPrincipal() principal: Principal,
  ) {
    const { q, status, limit, offset, ...where } = query;
    const parsed = listQuery.parse({ q, status, limit, offset });
    return this.masterData.list(principal, kind, { ...parsed, where });
  }

  @Get(':kind/:code')
  async get(
    @Param('kind') kind: string,
    @Param('code') code: string,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: Response,
  ) {
    const document = await this.masterData.get(principal, kind, code);
    response.setHeader('ETag', `"${document.version}"`);
    return document;
  }

  @Get(':kind/:code/history')
  history(
    @Param('kind') kind: string,
    @Param('code') code: string,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.masterData.history(principal, kind, code);
  }

  /** Creates a record: `{ code, ...fields }`. Repeating the same creation changes nothing. */
  @Post(':kind')
  async create(
    @Param('kind') kind: string,
    @Body() body: unknown,
    @RequestCommandContext() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ) {
    const { code, ...fields } = (body && typeof body === 'object' ? body : {}) as { code?: unknown };
    const result = await this.masterData.write(
      context,
      kind,
      'register',
      typeof code === 'string' ? code : '',
      fields,
      {},
    );
    if (!result.created) response.status(200);
    response.setHeader('ETag', `"${result.version}"`);
    return result.document;
  }

  /** Replaces a record's fields; with If-Match, only if nobody changed it since. */
  @Put(':kind/:code')
  async change(
    @Param('kind') kind: string,
    @Param('code') code: string,
    @Body() body: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @RequestCommandContext() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ) {
    const version = expectedVersionOf(ifMatch);
    const result = await this.masterData.write(
      context,
      kind,
      'change',
      code,
      body,
      version === undefined ? {} : { expectedVersion: version },
    );
    response.setHeader('ETag', `"${result.version}"`);
    return result.document;
  }

  @Post(':kind/:code/retire')
  @HttpCode(200)
  async retire(
    @Param('kind') kind: string,
    @Param('code') code: string,
    @Body() body: unknown,
    @RequestCommandContext() context: CommandContext,
  ) {
    return (await this.masterData.write(context, kind, 'retire', code, body)).document;
  }

  @Post(':kind/:code/reinstate')
  @HttpCode(200)
  async reinstate(
    @Param('kind') kind: string,
    @Param('code') code: string,
    @RequestCommandContext() context: CommandContext,
  ) {
    return (await this.masterData.write(context, kind, 'reinstate', code, {})).document;
  }
}
