import {
  type CalendarFeedList,
  type CalendarFeedWithUrl,
  calendarFeedPaths,
} from '@fieldstream/api-contract';
import type { Principal } from '@fieldstream/domain';
import { Body, Controller, Delete, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { AuthenticatedRequest } from '../request/authenticated-request';
import { commandContextOf } from '../request/command-context.decorator';
import { CurrentPrincipal } from '../request/current-principal.decorator';
import { apiBaseUrlOf } from './api-base-url';
import {
  CreateCalendarFeedCommand,
  RegenerateCalendarFeedCommand,
  RevokeCalendarFeedCommand,
} from './calendar-feed.commands';
import { ListCalendarFeedsQuery } from './calendar-feed.queries';

/**
 * The signed-in user's calendar feeds (`/me/calendar-feeds`): made, listed, regenerated and
 * revoked by their owner alone. The URL is answered by creation and regeneration only.
 */
@Controller()
export class MyCalendarFeedsController {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly commandBus: CommandBus,
  ) {}

  @Get(calendarFeedPaths.mine)
  mine(@CurrentPrincipal() principal: Principal): Promise<CalendarFeedList> {
    return this.queryBus.execute(new ListCalendarFeedsQuery(principal, false));
  }

  @Post(calendarFeedPaths.mine)
  create(@Body() body: unknown, @Req() request: AuthenticatedRequest): Promise<CalendarFeedWithUrl> {
    return this.commandBus.execute(
      new CreateCalendarFeedCommand(commandContextOf(request), body, apiBaseUrlOf(request)),
    );
  }

  @Post(calendarFeedPaths.regenerate)
  @HttpCode(200)
  regenerate(
    @Param('feedId') feedId: string,
    @Req() request: AuthenticatedRequest,
  ): Promise<CalendarFeedWithUrl> {
    return this.commandBus.execute(
      new RegenerateCalendarFeedCommand(commandContextOf(request), feedId, apiBaseUrlOf(request)),
    );
  }

  @Delete(calendarFeedPaths.mineOne)
  @HttpCode(204)
  async revoke(@Param('feedId') feedId: string, @Req() request: AuthenticatedRequest): Promise<void> {
    await this.commandBus.execute(new RevokeCalendarFeedCommand(commandContextOf(request), feedId, false));
  }
}
