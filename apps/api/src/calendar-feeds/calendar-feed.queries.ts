import type { CalendarFeedList } from '@fieldstream/api-contract';
import {
  CalendarFeedPublisher,
  CalendarFeedSubscriptions,
  type PublishedFeed,
} from '@fieldstream/application';
import type { Principal } from '@fieldstream/domain';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';

/** The asker's feeds, or (`everyone`, administrators and auditors) all of them. */
export class ListCalendarFeedsQuery extends Query<CalendarFeedList> {
  constructor(
    readonly principal: Principal,
    readonly everyone: boolean,
    readonly query: unknown = {},
  ) {
    super();
  }
}

@QueryHandler(ListCalendarFeedsQuery)
export class ListCalendarFeedsHandler implements IQueryHandler<ListCalendarFeedsQuery> {
  constructor(private readonly feeds: CalendarFeedSubscriptions) {}

  execute({ principal, everyone, query }: ListCalendarFeedsQuery): Promise<CalendarFeedList> {
    return everyone ? this.feeds.all(principal, query) : this.feeds.mine(principal);
  }
}

/** The iCalendar text behind a feed's token, for whoever holds the URL. */
export class PublishCalendarFeedQuery extends Query<PublishedFeed> {
  constructor(
    readonly token: string,
    readonly client: string,
  ) {
    super();
  }
}

@QueryHandler(PublishCalendarFeedQuery)
export class PublishCalendarFeedHandler implements IQueryHandler<PublishCalendarFeedQuery> {
  constructor(private readonly publisher: CalendarFeedPublisher) {}

  execute({ token, client }: PublishCalendarFeedQuery): Promise<PublishedFeed> {
    return this.publisher.publish(token, client);
  }
}
