import type { PortalConditions } from '@fieldstream/api-contract';
import { PortalQueries } from '@fieldstream/application';
import type { Principal } from '@fieldstream/domain';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';

/** The conditions a customer may report for one of their machines (its model's, from the catalogue). */
export class ListPortalAssetConditionsQuery extends Query<PortalConditions> {
  constructor(
    readonly principal: Principal,
    readonly assetCode: string,
  ) {
    super();
  }
}

@QueryHandler(ListPortalAssetConditionsQuery)
export class ListPortalAssetConditionsHandler implements IQueryHandler<ListPortalAssetConditionsQuery> {
  constructor(private readonly queries: PortalQueries) {}

  execute({ principal, assetCode }: ListPortalAssetConditionsQuery): Promise<PortalConditions> {
    return this.queries.assetConditions(principal, assetCode);
  }
}
