import type { MarkReadAnswer } from '@fieldstream/api-contract';
import { type CommandContext, InboxQueries } from '@fieldstream/application';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';

/** Marks some of the actor's own notifications read, or all of them (the body as sent). */
export class MarkNotificationsReadCommand extends Command<MarkReadAnswer> {
  constructor(
    readonly context: CommandContext,
    readonly body: unknown,
  ) {
    super();
  }
}

@CommandHandler(MarkNotificationsReadCommand)
export class MarkNotificationsReadHandler implements ICommandHandler<MarkNotificationsReadCommand> {
  constructor(private readonly inbox: InboxQueries) {}

  execute({ context, body }: MarkNotificationsReadCommand): Promise<MarkReadAnswer> {
    return this.inbox.markRead(context, body);
  }
}
