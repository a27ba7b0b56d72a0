import type { History } from '@fieldstream/api-contract';
import { ServiceRequestQueries } from '@fieldstream/application';
import type { Principal } from '@fieldstream/domain';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { ReaderLanguage } from '../reader-language';

/** An asset's interventions (newest first) and the changes to its record. */
export class GetAssetHistoryQuery extends Query<History> {
  constructor(
    readonly principal: Principal,
    readonly assetCode: string,
    /** The language the record changes are summarised in. */
    readonly language: ReaderLanguage,
  ) {
    super();
  }
}

@QueryHandler(GetAssetHistoryQuery)
export class GetAssetHistoryHandler implements IQueryHandler<GetAssetHistoryQuery> {
  constructor(private readonly queries: ServiceRequestQueries) {}

  execute({ principal, assetCode, language }: GetAssetHistoryQuery): Promise<History> {
    return this.queries.assetHistory(principal, assetCode, language);
  }
}
