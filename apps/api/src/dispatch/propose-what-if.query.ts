import type { ProposalAnswer, WhatIfProposalBody } from '@fieldstream/api-contract';
import { DispatchQueries } from '@fieldstream/application';
import type { Principal } from '@fieldstream/domain';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';

/** Who could do a job that is not a request yet (a site, conditions, a duration, a priority). */
export class ProposeWhatIfQuery extends Query<ProposalAnswer> {
  constructor(
    readonly principal: Principal,
    readonly asked: WhatIfProposalBody,
  ) {
    super();
  }
}

@QueryHandler(ProposeWhatIfQuery)
export class ProposeWhatIfHandler implements IQueryHandler<ProposeWhatIfQuery> {
  constructor(private readonly dispatch: DispatchQueries) {}

  execute({ principal, asked }: ProposeWhatIfQuery): Promise<ProposalAnswer> {
    return this.dispatch.whatIf(principal, asked);
  }
}
