import type { RequestEscalation } from '@fieldstream/api-contract';
import { EscalationQueries } from '@fieldstream/application';
import type { Principal } from '@fieldstream/domain';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';

/** A request's escalation: the levels raised, whom they alerted, who acknowledged them. */
export class GetRequestEscalationQuery extends Query<RequestEscalation> {
  constructor(
    readonly principal: Principal,
    readonly requestId: string,
  ) {
    super();
  }
}

@QueryHandler(GetRequestEscalationQuery)
export class GetRequestEscalationHandler implements IQueryHandler<GetRequestEscalationQuery> {
  constructor(private readonly escalations: EscalationQueries) {}

  execute({ principal, requestId }: GetRequestEscalationQuery): Promise<RequestEscalation> {
    return this.escalations.forRequest(principal, requestId);
  }
}
