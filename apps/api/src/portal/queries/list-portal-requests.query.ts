import type { PortalRequestList } from '@fieldstream/api-contract';
import { PortalQueries, type PortalRequestListQuery } from '@fieldstream/application';
import type { Principal } from '@fieldstream/domain';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';

/** The customer's own requests, open or past, a page at a time. */
export class ListPortalRequestsQuery extends Query<PortalRequestList> {
  constructor(
    readonly principal: Principal,
    readonly filter: PortalRequestListQuery,
  ) {
    super();
  }
}

@QueryHandler(ListPortalRequestsQuery)
export class ListPortalRequestsHandler implements IQueryHandler<ListPortalRequestsQuery> {
  constructor(private readonly queries: PortalQueries) {}

  execute({ principal, filter }: ListPortalRequestsQuery): Promise<PortalRequestList> {
    return this.queries.listRequests(principal, filter);
  }
}
