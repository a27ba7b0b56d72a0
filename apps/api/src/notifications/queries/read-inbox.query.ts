import type { InboxPage } from '@fieldstream/api-contract';
import { InboxQueries, type InboxQuery } from '@fieldstream/application';
import type { Principal } from '@fieldstream/domain';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';

/** A page of the reader's own inbox, newest first, with their unread count. */
export class ReadInboxQuery extends Query<InboxPage> {
  constructor(
    readonly principal: Principal,
    readonly asked: InboxQuery,
  ) {
    super();
  }
}

@QueryHandler(ReadInboxQuery)
export class ReadInboxHandler implements IQueryHandler<ReadInboxQuery> {
  constructor(private readonly inbox: InboxQueries) {}

  execute({ principal, asked }: ReadInboxQuery): Promise<InboxPage> {
    return this.inbox.page(principal, asked);
  }
}
