import {
  type CommandContext,
  PortalCommands,
  type ServiceRequestCommandResult,
} from '@fieldstream/application';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';

/** A customer's comment on their own request, while it is still going. */
export class CommentPortalRequestCommand extends Command<ServiceRequestCommandResult> {
  constructor(
    readonly context: CommandContext,
    readonly requestId: string,
    readonly text: string,
  ) {
    super();
  }
}

@CommandHandler(CommentPortalRequestCommand)
export class CommentPortalRequestHandler implements ICommandHandler<CommentPortalRequestCommand> {
  constructor(private readonly portal: PortalCommands) {}

  execute({ context, requestId, text }: CommentPortalRequestCommand): Promise<ServiceRequestCommandResult> {
    return this.portal.comment(context, requestId, text);
  }
}
