import type { TimelineEntry } from '@fieldstream/api-contract';
import { ServiceRequestQueries } from '@fieldstream/application';
import type { Principal } from '@fieldstream/domain';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { ReaderLanguage } from '../reader-language';

/** A request's history told in plain words, in the reader's language. */
export class GetServiceRequestTimelineQuery extends Query<TimelineEntry[]> {
  constructor(
    readonly principal: Principal,
    readonly requestId: string,
    readonly language: ReaderLanguage,
  ) {
    super();
  }
}

@QueryHandler(GetServiceRequestTimelineQuery)
export class GetServiceRequestTimelineHandler implements IQueryHandler<GetServiceRequestTimelineQuery> {
  constructor(private readonly queries: ServiceRequestQueries) {}

  execute({ principal, requestId, language }: GetServiceRequestTimelineQuery): Promise<TimelineEntry[]> {
    return this.queries.timeline(principal, requestId, language);
  }
}
