import {
  type CommandContext,
  type OpenServiceRequestInput,
  ServiceRequestCommands,
  type ServiceRequestCommandResult,
} from '@fieldstream/application';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';

/** Open a service request (or find the one this external reference / Idempotency-Key already opened). */
export class OpenServiceRequestCommand extends Command<ServiceRequestCommandResult> {
  constructor(
    readonly context: CommandContext,
    readonly input: OpenServiceRequestInput,
  ) {
    super();
  }
}

@CommandHandler(OpenServiceRequestCommand)
export class OpenServiceRequestHandler implements ICommandHandler<OpenServiceRequestCommand> {
  constructor(private readonly commands: ServiceRequestCommands) {}

  execute({ context, input }: OpenServiceRequestCommand): Promise<ServiceRequestCommandResult> {
    return this.commands.open(context, input);
  }
}
