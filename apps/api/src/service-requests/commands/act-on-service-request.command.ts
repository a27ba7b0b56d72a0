import {
  type CommandContext,
  ServiceRequestCommands,
  type ServiceRequestAction,
  type ServiceRequestCommandResult,
} from '@fieldstream/application';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';

/**
 * Anything done to an existing request: the route's validated body, tagged with what it is. One
 * command for all of them, because the action union already says which; the application decides
 * who may, and which streams it touches (the request's, the technicians' schedules, stock).
 */
export class ActOnServiceRequestCommand extends Command<ServiceRequestCommandResult> {
  constructor(
    readonly context: CommandContext,
    readonly requestId: string,
    readonly action: ServiceRequestAction,
    /** The version the client saw (If-Match); absent means "whatever is current". */
    readonly expectedVersion: number | undefined,
  ) {
    super();
  }
}

@CommandHandler(ActOnServiceRequestCommand)
export class ActOnServiceRequestHandler implements ICommandHandler<ActOnServiceRequestCommand> {
  constructor(private readonly commands: ServiceRequestCommands) {}

  execute({
    context,
    requestId,
    action,
    expectedVersion,
  }: ActOnServiceRequestCommand): Promise<ServiceRequestCommandResult> {
    return this.commands.execute(
      context,
      requestId,
      action,
      expectedVersion === undefined ? {} : { expectedVersion },
    );
  }
}
