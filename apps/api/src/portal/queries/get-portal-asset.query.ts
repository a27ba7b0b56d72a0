import type { PortalAssetDetail } from '@fieldstream/api-contract';
import { PortalQueries } from '@fieldstream/application';
import type { Principal } from '@fieldstream/domain';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';

/** One of the customer's machines with its service history. */
export class GetPortalAssetQuery extends Query<PortalAssetDetail> {
  constructor(
    readonly principal: Principal,
    readonly assetCode: string,
  ) {
    super();
  }
}

@QueryHandler(GetPortalAssetQuery)
export class GetPortalAssetHandler implements IQueryHandler<GetPortalAssetQuery> {
  constructor(private readonly queries: PortalQueries) {}

  execute({ principal, assetCode }: GetPortalAssetQuery): Promise<PortalAssetDetail> {
    return this.queries.asset(principal, assetCode);
  }
}
