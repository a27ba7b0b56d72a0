import type { RequestServiceLevel } from '@fieldstream/api-contract';
import { ServiceLevelQueries } from '@fieldstream/application';
import type { Principal } from '@fieldstream/domain';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';

/** One request's standing and clocks against its service levels. */
export class GetRequestServiceLevelQuery extends Query<RequestServiceLevel> {
  constructor(
    readonly principal: Principal,
    readonly requestId: string,
  ) {
    super();
  }
}

@QueryHandler(GetRequestServiceLevelQuery)
export class GetRequestServiceLevelHandler implements IQueryHandler<GetRequestServiceLevelQuery> {
  constructor(private readonly queries: ServiceLevelQueries) {}

  execute({ principal, requestId }: GetRequestServiceLevelQuery): Promise<RequestServiceLevel> {
    return this.queries.forRequest(principal, requestId);
  }
}
