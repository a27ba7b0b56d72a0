import type { InterventionSheet } from '@fieldstream/api-contract';
import { ServiceRequestQueries } from '@fieldstream/application';
import type { Principal } from '@fieldstream/domain';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { ReaderLanguage } from '../reader-language';

/** Everything a technician needs on site for one request, gathered in one answer. */
export class GetInterventionSheetQuery extends Query<InterventionSheet> {
  constructor(
    readonly principal: Principal,
    readonly requestId: string,
    readonly language: ReaderLanguage,
  ) {
    super();
  }
}

@QueryHandler(GetInterventionSheetQuery)
export class GetInterventionSheetHandler implements IQueryHandler<GetInterventionSheetQuery> {
  constructor(private readonly queries: ServiceRequestQueries) {}

  execute({ principal, requestId, language }: GetInterventionSheetQuery): Promise<InterventionSheet> {
    return this.queries.interventionSheet(principal, requestId, language);
  }
}
