import type { PortalContracts } from '@fieldstream/api-contract';
import { PortalQueries } from '@fieldstream/application';
import type { Principal } from '@fieldstream/domain';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';

/** The customer's contracts in their terms, judged in force or not on `today` (YYYY-MM-DD). */
export class ListPortalContractsQuery extends Query<PortalContracts> {
  constructor(
    readonly principal: Principal,
    readonly today: string,
  ) {
    super();
  }
}

@QueryHandler(ListPortalContractsQuery)
export class ListPortalContractsHandler implements IQueryHandler<ListPortalContractsQuery> {
  constructor(private readonly queries: PortalQueries) {}

  execute({ principal, today }: ListPortalContractsQuery): Promise<PortalContracts> {
    return this.queries.contracts(principal, today);
  }
}
