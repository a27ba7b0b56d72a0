import type { SlaDashboard, SlaDashboardQuery } from '@fieldstream/api-contract';
import { ServiceLevelQueries } from '@fieldstream/application';
import type { Principal } from '@fieldstream/domain';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';

/** The service levels across the requests the reader oversees: counts, the at-risk list, the charts. */
export class ReadSlaDashboardQuery extends Query<SlaDashboard> {
  constructor(
    readonly principal: Principal,
    readonly asked: SlaDashboardQuery,
  ) {
    super();
  }
}

@QueryHandler(ReadSlaDashboardQuery)
export class ReadSlaDashboardHandler implements IQueryHandler<ReadSlaDashboardQuery> {
  constructor(private readonly queries: ServiceLevelQueries) {}

  execute({ principal, asked }: ReadSlaDashboardQuery): Promise<SlaDashboard> {
    return this.queries.dashboard(principal, asked);
  }
}
