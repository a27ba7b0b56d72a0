import type { History } from '@fieldstream/api-contract';
import type { Principal } from '@fieldstream/domain';
import { Controller, Get, Headers, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { CurrentPrincipal } from '../request/current-principal.decorator';
import { GetAssetHistoryQuery } from './queries/get-asset-history.query';
import { GetSiteHistoryQuery } from './queries/get-site-history.query';
import { readerLanguage, readerLanguageQuerySchema } from './reader-language';

/**
 * What was done on an asset or at a site: its interventions, newest first, and its record's
 * changes, summarised in `?lang=it|en` (else Accept-Language, else English).
 */
@Controller()
export class ServiceHistoryController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get('assets/:code/history')
  assetHistory(
    @Param('code') code: string,
    @Query() query: unknown,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @CurrentPrincipal() principal: Principal,
  ): Promise<History> {
    const { lang } = readerLanguageQuerySchema.parse(query ?? {});
    return this.queryBus.execute(
      new GetAssetHistoryQuery(principal, code, readerLanguage(lang, acceptLanguage)),
    );
  }

  @Get('sites/:code/history')
  siteHistory(
    @Param('code') code: string,
    @Query() query: unknown,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @CurrentPrincipal() principal: Principal,
  ): Promise<History> {
    const { lang } = readerLanguageQuerySchema.parse(query ?? {});
    return this.queryBus.execute(
      new GetSiteHistoryQuery(principal, code, readerLanguage(lang, acceptLanguage)),
    );
  }
}
