import type { PortalRequestDetail } from '@fieldstream/api-contract';
import { PortalQueries } from '@fieldstream/application';
import type { Principal } from '@fieldstream/domain';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';

/** One of the customer's requests: its visits, its story in their terms, its photos. */
export class GetPortalRequestQuery extends Query<PortalRequestDetail> {
  constructor(
    readonly principal: Principal,
    readonly requestId: string,
  ) {
    super();
  }
}

@QueryHandler(GetPortalRequestQuery)
export class GetPortalRequestHandler implements IQueryHandler<GetPortalRequestQuery> {
  constructor(private readonly queries: PortalQueries) {}

  execute({ principal, requestId }: GetPortalRequestQuery): Promise<PortalRequestDetail> {
    return this.queries.request(principal, requestId);
  }
}
