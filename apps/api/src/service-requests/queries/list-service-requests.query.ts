import type { ServiceRequestList, serviceRequestListQuerySchema } from '@fieldstream/api-contract';
import { ServiceRequestQueries } from '@fieldstream/application';
import type { Principal } from '@fieldstream/domain';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { z } from 'zod';

/** The desk's to-do list: the requests the principal may see, filtered, sorted and paged. */
export class ListServiceRequestsQuery extends Query<ServiceRequestList> {
  constructor(
    readonly principal: Principal,
    readonly filter: z.output<typeof serviceRequestListQuerySchema>,
  ) {
    super();
  }
}

@QueryHandler(ListServiceRequestsQuery)
export class ListServiceRequestsHandler implements IQueryHandler<ListServiceRequestsQuery> {
  constructor(private readonly queries: ServiceRequestQueries) {}

  execute({ principal, filter }: ListServiceRequestsQuery): Promise<ServiceRequestList> {
    return this.queries.list(principal, filter);
  }
}
