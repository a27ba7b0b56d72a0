import type { CalendarFeedWithUrl } from '@fieldstream/api-contract';
import { CalendarFeedSubscriptions, type CommandContext } from '@fieldstream/application';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';

/** A new feed for the actor; its URL is in the answer, and nowhere else ever again. */
export class CreateCalendarFeedCommand extends Command<CalendarFeedWithUrl> {
  constructor(
    readonly context: CommandContext,
    readonly body: unknown,
    readonly baseUrl: string,
  ) {
    super();
  }
}

@CommandHandler(CreateCalendarFeedCommand)
export class CreateCalendarFeedHandler implements ICommandHandler<CreateCalendarFeedCommand> {
  constructor(private readonly feeds: CalendarFeedSubscriptions) {}

  execute({ context, body, baseUrl }: CreateCalendarFeedCommand): Promise<CalendarFeedWithUrl> {
    return this.feeds.create(context, body, baseUrl);
  }
}

/** A new URL for one of the actor's feeds; the old one stops answering. */
export class RegenerateCalendarFeedCommand extends Command<CalendarFeedWithUrl> {
  constructor(
    readonly context: CommandContext,
    readonly feedId: string,
    readonly baseUrl: string,
  ) {
    super();
  }
}

@CommandHandler(RegenerateCalendarFeedCommand)
export class RegenerateCalendarFeedHandler implements ICommandHandler<RegenerateCalendarFeedCommand> {
  constructor(private readonly feeds: CalendarFeedSubscriptions) {}

  execute({ context, feedId, baseUrl }: RegenerateCalendarFeedCommand): Promise<CalendarFeedWithUrl> {
    return this.feeds.regenerate(context, feedId, baseUrl);
  }
}

/** Ends a feed: one of the actor's own, or (`anyOwner`, administrators) anyone's. */
export class RevokeCalendarFeedCommand extends Command<void> {
  constructor(
    readonly context: CommandContext,
    readonly feedId: string,
    readonly anyOwner: boolean,
  ) {
    super();
  }
}

@CommandHandler(RevokeCalendarFeedCommand)
export class RevokeCalendarFeedHandler implements ICommandHandler<RevokeCalendarFeedCommand> {
  constructor(private readonly feeds: CalendarFeedSubscriptions) {}

  execute({ context, feedId, anyOwner }: RevokeCalendarFeedCommand): Promise<void> {
    return anyOwner ? this.feeds.revokeAny(context, feedId) : this.feeds.revokeMine(context, feedId);
  }
}
