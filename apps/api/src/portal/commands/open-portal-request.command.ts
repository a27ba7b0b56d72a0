import {
  type CommandContext,
  type PhotoUpload,
  PortalCommands,
  type PortalOpenRequestInput,
  type ServiceRequestCommandResult,
} from '@fieldstream/application';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';

/** A customer opens a request from the portal, with a photo of the fault if they took one. */
export class OpenPortalRequestCommand extends Command<ServiceRequestCommandResult> {
  constructor(
    readonly context: CommandContext,
    readonly input: PortalOpenRequestInput,
    readonly photo?: PhotoUpload,
  ) {
    super();
  }
}

@CommandHandler(OpenPortalRequestCommand)
export class OpenPortalRequestHandler implements ICommandHandler<OpenPortalRequestCommand> {
  constructor(private readonly portal: PortalCommands) {}

  execute({ context, input, photo }: OpenPortalRequestCommand): Promise<ServiceRequestCommandResult> {
    return this.portal.open(context, input, photo);
  }
}
