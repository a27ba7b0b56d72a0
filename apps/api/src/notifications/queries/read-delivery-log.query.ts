import type { DeliveryLogPage } from '@fieldstream/api-contract';
import { DeliveryLogQueries, type DeliveryLogQuery } from '@fieldstream/application';
import type { Principal } from '@fieldstream/domain';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';

/** The outside deliveries and their attempts, for administrators and auditors. */
export class ReadDeliveryLogQuery extends Query<DeliveryLogPage> {
  constructor(
    readonly principal: Principal,
    readonly asked: DeliveryLogQuery,
  ) {
    super();
  }
}

@QueryHandler(ReadDeliveryLogQuery)
export class ReadDeliveryLogHandler implements IQueryHandler<ReadDeliveryLogQuery> {
  constructor(private readonly log: DeliveryLogQueries) {}

  execute({ principal, asked }: ReadDeliveryLogQuery): Promise<DeliveryLogPage> {
    return this.log.page(principal, asked);
  }
}
