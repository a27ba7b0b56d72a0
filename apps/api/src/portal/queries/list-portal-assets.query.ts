import type { PortalAssets } from '@fieldstream/api-contract';
import { PortalQueries } from '@fieldstream/application';
import type { Principal } from '@fieldstream/domain';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';

/** The customer's sites and machines. */
export class ListPortalAssetsQuery extends Query<PortalAssets> {
  constructor(readonly principal: Principal) {
    super();
  }
}

@QueryHandler(ListPortalAssetsQuery)
export class ListPortalAssetsHandler implements IQueryHandler<ListPortalAssetsQuery> {
  constructor(private readonly queries: PortalQueries) {}

  execute({ principal }: ListPortalAssetsQuery): Promise<PortalAssets> {
    return this.queries.assets(principal);
  }
}
