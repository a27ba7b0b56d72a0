import type { ProposalAnswer, RequestProposalQuery } from '@fieldstream/api-contract';
import { DispatchQueries } from '@fieldstream/application';
import type { Principal } from '@fieldstream/domain';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';

/** Who can restore service for a request, and when, and why. */
export class ProposeForRequestQuery extends Query<ProposalAnswer> {
  constructor(
    readonly principal: Principal,
    readonly requestId: string,
    readonly asked: RequestProposalQuery,
  ) {
    super();
  }
}

@QueryHandler(ProposeForRequestQuery)
export class ProposeForRequestHandler implements IQueryHandler<ProposeForRequestQuery> {
  constructor(private readonly dispatch: DispatchQueries) {}

  execute({ principal, requestId, asked }: ProposeForRequestQuery): Promise<ProposalAnswer> {
    return this.dispatch.forRequest(principal, requestId, asked);
  }
}
