import {
  type InboxPage,
  type MarkReadAnswer,
  type NotificationSettings,
  inboxQuerySchema,
} from '@fieldstream/api-contract';
import type { Principal } from '@fieldstream/domain';
import { Body, Controller, Get, HttpCode, Post, Put, Query, Req } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { AuthenticatedRequest } from '../request/authenticated-request';
import { commandContextOf } from '../request/command-context.decorator';
import { CurrentPrincipal } from '../request/current-principal.decorator';
import { ChangeNotificationSettingsCommand } from './commands/change-notification-settings.command';
import { MarkNotificationsReadCommand } from './commands/mark-notifications-read.command';
import { notificationPaths } from './notification-paths';
import { GetNotificationSettingsQuery } from './queries/get-notification-settings.query';
import { ReadInboxQuery } from './queries/read-inbox.query';

/**
 * The signed-in user's own notifications and settings (`/me/...`): no id in the path, so nobody
 * reaches anyone else's. Live updates: the `inbox` topic, heard by the inbox's owner only.
 */
@Controller()
export class InboxController {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly commandBus: CommandBus,
  ) {}

  /** `?unread=true&before=<receivedAt>&limit=`: newest first, a page at a time. */
  @Get(notificationPaths.inbox)
  inbox(@Query() query: unknown, @CurrentPrincipal() principal: Principal): Promise<InboxPage> {
    return this.queryBus.execute(new ReadInboxQuery(principal, inboxQuerySchema.parse(query ?? {})));
  }

  /** `{ notificationIds }` or `{ all: true }`; ids not in the reader's inbox, or read already, change nothing. */
  @Post(notificationPaths.markRead)
  @HttpCode(200)
  markRead(@Body() body: unknown, @Req() request: AuthenticatedRequest): Promise<MarkReadAnswer> {
    return this.commandBus.execute(new MarkNotificationsReadCommand(commandContextOf(request), body));
  }

  @Get(notificationPaths.settings)
  settings(@CurrentPrincipal() principal: Principal): Promise<NotificationSettings> {
    return this.queryBus.execute(new GetNotificationSettingsQuery(principal));
  }

  /** Every field, as GET answers them; anything else of the profile is refused (400 naming it). */
  @Put(notificationPaths.settings)
  changeSettings(@Body() body: unknown, @Req() request: AuthenticatedRequest): Promise<NotificationSettings> {
    return this.commandBus.execute(new ChangeNotificationSettingsCommand(commandContextOf(request), body));
  }
}
