import type {
  WebhookDeliveryPage,
  WebhookEventTypes,
  WebhookSecretView,
  WebhookSubscriptionList,
  WebhookSubscriptionView,
} from '@fieldstream/api-contract';
import { WebhookSubscriptions } from '@fieldstream/application';
import type { Principal } from '@fieldstream/domain';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';

export class ListWebhookSubscriptionsQuery extends Query<WebhookSubscriptionList> {
  constructor(
    readonly principal: Principal,
    readonly query: unknown,
  ) {
    super();
  }
}

@QueryHandler(ListWebhookSubscriptionsQuery)
export class ListWebhookSubscriptionsHandler implements IQueryHandler<ListWebhookSubscriptionsQuery> {
  constructor(private readonly subscriptions: WebhookSubscriptions) {}

  execute({ principal, query }: ListWebhookSubscriptionsQuery): Promise<WebhookSubscriptionList> {
    return this.subscriptions.list(principal, query);
  }
}

export class GetWebhookSubscriptionQuery extends Query<WebhookSubscriptionView> {
  constructor(
    readonly principal: Principal,
    readonly id: string,
  ) {
    super();
  }
}

@QueryHandler(GetWebhookSubscriptionQuery)
export class GetWebhookSubscriptionHandler implements IQueryHandler<GetWebhookSubscriptionQuery> {
  constructor(private readonly subscriptions: WebhookSubscriptions) {}

  execute({ principal, id }: GetWebhookSubscriptionQuery): Promise<WebhookSubscriptionView> {
    return this.subscriptions.get(principal, id);
  }
}

export class GetWebhookSecretQuery extends Query<WebhookSecretView> {
  constructor(
    readonly principal: Principal,
    readonly id: string,
  ) {
    super();
  }
}

@QueryHandler(GetWebhookSecretQuery)
export class GetWebhookSecretHandler implements IQueryHandler<GetWebhookSecretQuery> {
  constructor(private readonly subscriptions: WebhookSubscriptions) {}

  execute({ principal, id }: GetWebhookSecretQuery): Promise<WebhookSecretView> {
    return this.subscriptions.secret(principal, id);
  }
}

export class ListWebhookDeliveriesQuery extends Query<WebhookDeliveryPage> {
  constructor(
    readonly principal: Principal,
    readonly id: string,
    readonly query: unknown,
  ) {
    super();
  }
}

@QueryHandler(ListWebhookDeliveriesQuery)
export class ListWebhookDeliveriesHandler implements IQueryHandler<ListWebhookDeliveriesQuery> {
  constructor(private readonly subscriptions: WebhookSubscriptions) {}

  execute({ principal, id, query }: ListWebhookDeliveriesQuery): Promise<WebhookDeliveryPage> {
    return this.subscriptions.deliveries(principal, id, query);
  }
}

export class ListWebhookEventTypesQuery extends Query<WebhookEventTypes> {
  constructor(readonly principal: Principal) {
    super();
  }
}

@QueryHandler(ListWebhookEventTypesQuery)
export class ListWebhookEventTypesHandler implements IQueryHandler<ListWebhookEventTypesQuery> {
  constructor(private readonly subscriptions: WebhookSubscriptions) {}

  async execute({ principal }: ListWebhookEventTypesQuery): Promise<WebhookEventTypes> {
    return this.subscriptions.eventTypes(principal);
  }
}

export const WEBHOOK_SUBSCRIPTION_QUERY_HANDLERS = [
  ListWebhookSubscriptionsHandler,
  GetWebhookSubscriptionHandler,
  GetWebhookSecretHandler,
  ListWebhookDeliveriesHandler,
  ListWebhookEventTypesHandler,
];
