import type { NotificationSettings } from '@fieldstream/api-contract';
import { NotificationSettingsService } from '@fieldstream/application';
import type { Principal } from '@fieldstream/domain';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';

/** The reader's own contact details and notification switches. */
export class GetNotificationSettingsQuery extends Query<NotificationSettings> {
  constructor(readonly principal: Principal) {
    super();
  }
}

@QueryHandler(GetNotificationSettingsQuery)
export class GetNotificationSettingsHandler implements IQueryHandler<GetNotificationSettingsQuery> {
  constructor(private readonly settings: NotificationSettingsService) {}

  execute({ principal }: GetNotificationSettingsQuery): Promise<NotificationSettings> {
    return this.settings.get(principal);
  }
}
