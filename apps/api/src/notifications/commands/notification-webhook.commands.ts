import type { NotificationWebhookView } from '@fieldstream/api-contract';
import { type CommandContext, NotificationEndpointsService } from '@fieldstream/application';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';

/** Where the actor's notifications are POSTed (the secret is made the first time). */
export class SetNotificationWebhookCommand extends Command<NotificationWebhookView> {
  constructor(
    readonly context: CommandContext,
    readonly body: unknown,
  ) {
    super();
  }
}

@CommandHandler(SetNotificationWebhookCommand)
export class SetNotificationWebhookHandler implements ICommandHandler<SetNotificationWebhookCommand> {
  constructor(private readonly endpoints: NotificationEndpointsService) {}

  execute({ context, body }: SetNotificationWebhookCommand): Promise<NotificationWebhookView> {
    return this.endpoints.setWebhook(context, body);
  }
}

/** A new signing secret for the actor's webhook (the old one stops signing at once). */
export class RotateNotificationWebhookSecretCommand extends Command<NotificationWebhookView> {
  constructor(readonly context: CommandContext) {
    super();
  }
}

@CommandHandler(RotateNotificationWebhookSecretCommand)
export class RotateNotificationWebhookSecretHandler implements ICommandHandler<RotateNotificationWebhookSecretCommand> {
  constructor(private readonly endpoints: NotificationEndpointsService) {}

  execute({ context }: RotateNotificationWebhookSecretCommand): Promise<NotificationWebhookView> {
    return this.endpoints.rotateWebhookSecret(context);
  }
}

/** The actor's webhook hears nothing more. */
export class RemoveNotificationWebhookCommand extends Command<void> {
  constructor(readonly context: CommandContext) {
    super();
  }
}

@CommandHandler(RemoveNotificationWebhookCommand)
export class RemoveNotificationWebhookHandler implements ICommandHandler<RemoveNotificationWebhookCommand> {
  constructor(private readonly endpoints: NotificationEndpointsService) {}

  execute({ context }: RemoveNotificationWebhookCommand): Promise<void> {
    return this.endpoints.removeWebhook(context);
  }
}
