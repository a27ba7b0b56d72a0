import type { NotificationWebhookAnswer, PushDevices } from '@fieldstream/api-contract';
import { NotificationEndpointsService } from '@fieldstream/application';
import type { Principal } from '@fieldstream/domain';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';

/** The reader's browsers subscribed to push, and the key to subscribe another with. */
export class GetPushDevicesQuery extends Query<PushDevices> {
  constructor(readonly principal: Principal) {
    super();
  }
}

@QueryHandler(GetPushDevicesQuery)
export class GetPushDevicesHandler implements IQueryHandler<GetPushDevicesQuery> {
  constructor(private readonly endpoints: NotificationEndpointsService) {}

  execute({ principal }: GetPushDevicesQuery): Promise<PushDevices> {
    return this.endpoints.pushDevices(principal);
  }
}

/** The reader's own webhook, with its secret (theirs to give their receiver). */
export class GetNotificationWebhookQuery extends Query<NotificationWebhookAnswer> {
  constructor(readonly principal: Principal) {
    super();
  }
}

@QueryHandler(GetNotificationWebhookQuery)
export class GetNotificationWebhookHandler implements IQueryHandler<GetNotificationWebhookQuery> {
  constructor(private readonly endpoints: NotificationEndpointsService) {}

  async execute({ principal }: GetNotificationWebhookQuery): Promise<NotificationWebhookAnswer> {
    return { webhook: await this.endpoints.webhook(principal) };
  }
}
