import { type CalendarFeedList, calendarFeedPaths } from '@fieldstream/api-contract';
import type { Principal } from '@fieldstream/domain';
import { Controller, Delete, Get, HttpCode, Param, Query, Req } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { AuthenticatedRequest } from '../request/authenticated-request';
import { commandContextOf } from '../request/command-context.decorator';
import { CurrentPrincipal } from '../request/current-principal.decorator';
import { RevokeCalendarFeedCommand } from './calendar-feed.commands';
import { ListCalendarFeedsQuery } from './calendar-feed.queries';

/**
 * Everyone's calendar feeds: listed for administrators and auditors (who follows which agenda),
 * revoked by administrators (a lost phone, a leaver). Never their URLs.
 */
@Controller()
export class CalendarFeedsAdminController {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly commandBus: CommandBus,
  ) {}

  @Get(calendarFeedPaths.all)
  all(@Query() query: unknown, @CurrentPrincipal() principal: Principal): Promise<CalendarFeedList> {
    return this.queryBus.execute(new ListCalendarFeedsQuery(principal, true, query));
  }

  @Delete(calendarFeedPaths.one)
  @HttpCode(204)
  async revoke(@Param('feedId') feedId: string, @Req() request: AuthenticatedRequest): Promise<void> {
    await this.commandBus.execute(new RevokeCalendarFeedCommand(commandContextOf(request), feedId, true));
  }
}
