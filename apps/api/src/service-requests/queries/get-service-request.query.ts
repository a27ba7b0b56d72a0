import type { ServiceRequestDetail } from '@fieldstream/api-contract';
import { ServiceRequestQueries } from '@fieldstream/application';
import type { Principal } from '@fieldstream/domain';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';

/** One request as it stands, with the commands its state allows. */
export class GetServiceRequestQuery extends Query<ServiceRequestDetail> {
  constructor(
    readonly principal: Principal,
    readonly requestId: string,
  ) {
    super();
  }
}

@QueryHandler(GetServiceRequestQuery)
export class GetServiceRequestHandler implements IQueryHandler<GetServiceRequestQuery> {
  constructor(private readonly queries: ServiceRequestQueries) {}

  execute({ principal, requestId }: GetServiceRequestQuery): Promise<ServiceRequestDetail> {
    return this.queries.get(principal, requestId);
  }
}
