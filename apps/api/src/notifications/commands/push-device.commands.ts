import type { PushDeviceView } from '@fieldstream/api-contract';
import { type CommandContext, NotificationEndpointsService } from '@fieldstream/application';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';

/** The actor's browser subscribes to push (`PushSubscription.toJSON()` and a label). */
export class RegisterPushDeviceCommand extends Command<{ device: PushDeviceView; created: boolean }> {
  constructor(
    readonly context: CommandContext,
    readonly body: unknown,
  ) {
    super();
  }
}

@CommandHandler(RegisterPushDeviceCommand)
export class RegisterPushDeviceHandler implements ICommandHandler<RegisterPushDeviceCommand> {
  constructor(private readonly endpoints: NotificationEndpointsService) {}

  execute({ context, body }: RegisterPushDeviceCommand) {
    return this.endpoints.registerPushDevice(context, body);
  }
}

/** The actor stops push to one of their browsers. */
export class RemovePushDeviceCommand extends Command<void> {
  constructor(
    readonly context: CommandContext,
    readonly deviceId: string,
  ) {
    super();
  }
}

@CommandHandler(RemovePushDeviceCommand)
export class RemovePushDeviceHandler implements ICommandHandler<RemovePushDeviceCommand> {
  constructor(private readonly endpoints: NotificationEndpointsService) {}

  execute({ context, deviceId }: RemovePushDeviceCommand): Promise<void> {
    return this.endpoints.removePushDevice(context, deviceId);
  }
}
