import type { History } from '@fieldstream/api-contract';
import { ServiceRequestQueries } from '@fieldstream/application';
import type { Principal } from '@fieldstream/domain';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { ReaderLanguage } from '../reader-language';

/** A site's interventions (newest first) and the changes to its record. */
export class GetSiteHistoryQuery extends Query<History> {
  constructor(
    readonly principal: Principal,
    readonly siteCode: string,
    /** The language the record changes are summarised in. */
    readonly language: ReaderLanguage,
  ) {
    super();
  }
}

@QueryHandler(GetSiteHistoryQuery)
export class GetSiteHistoryHandler implements IQueryHandler<GetSiteHistoryQuery> {
  constructor(private readonly queries: ServiceRequestQueries) {}

  execute({ principal, siteCode, language }: GetSiteHistoryQuery): Promise<History> {
    return this.queries.siteHistory(principal, siteCode, language);
  }
}
