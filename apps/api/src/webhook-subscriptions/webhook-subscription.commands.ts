import type {
  WebhookSubscriptionView,
  WebhookSubscriptionWithSecret,
  WebhookTestAnswer,
} from '@fieldstream/api-contract';
import { type CommandContext, WebhookSubscriptions } from '@fieldstream/application';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';

/** A new subscription for the actor; its secret is in the answer (and readable later by whoever may). */
export class CreateWebhookSubscriptionCommand extends Command<WebhookSubscriptionWithSecret> {
  constructor(
    readonly context: CommandContext,
    readonly body: unknown,
  ) {
    super();
  }
}

@CommandHandler(CreateWebhookSubscriptionCommand)
export class CreateWebhookSubscriptionHandler implements ICommandHandler<CreateWebhookSubscriptionCommand> {
  constructor(private readonly subscriptions: WebhookSubscriptions) {}

  execute({ context, body }: CreateWebhookSubscriptionCommand): Promise<WebhookSubscriptionWithSecret> {
    return this.subscriptions.create(context, body);
  }
}

/** New settings (the whole of them), only over `expectedVersion` when the client sent If-Match. */
export class UpdateWebhookSubscriptionCommand extends Command<WebhookSubscriptionView> {
  constructor(
    readonly context: CommandContext,
    readonly id: string,
    readonly body: unknown,
    readonly expectedVersion: number | undefined,
  ) {
    super();
  }
}

@CommandHandler(UpdateWebhookSubscriptionCommand)
export class UpdateWebhookSubscriptionHandler implements ICommandHandler<UpdateWebhookSubscriptionCommand> {
  constructor(private readonly subscriptions: WebhookSubscriptions) {}

  execute({ context, id, body, expectedVersion }: UpdateWebhookSubscriptionCommand) {
    return this.subscriptions.update(context, id, body, expectedVersion);
  }
}

export class DeleteWebhookSubscriptionCommand extends Command<void> {
  constructor(
    readonly context: CommandContext,
    readonly id: string,
    readonly expectedVersion: number | undefined,
  ) {
    super();
  }
}

@CommandHandler(DeleteWebhookSubscriptionCommand)
export class DeleteWebhookSubscriptionHandler implements ICommandHandler<DeleteWebhookSubscriptionCommand> {
  constructor(private readonly subscriptions: WebhookSubscriptions) {}

  execute({ context, id, expectedVersion }: DeleteWebhookSubscriptionCommand): Promise<void> {
    return this.subscriptions.remove(context, id, expectedVersion);
  }
}

/** Pause or resume: deliveries stop, or go on from where they stopped. */
export class SetWebhookSubscriptionActiveCommand extends Command<WebhookSubscriptionView> {
  constructor(
    readonly context: CommandContext,
    readonly id: string,
    readonly active: boolean,
  ) {
    super();
  }
}

@CommandHandler(SetWebhookSubscriptionActiveCommand)
export class SetWebhookSubscriptionActiveHandler implements ICommandHandler<SetWebhookSubscriptionActiveCommand> {
  constructor(private readonly subscriptions: WebhookSubscriptions) {}

  execute({ context, id, active }: SetWebhookSubscriptionActiveCommand): Promise<WebhookSubscriptionView> {
    return active ? this.subscriptions.resume(context, id) : this.subscriptions.pause(context, id);
  }
}

export class RotateWebhookSecretCommand extends Command<WebhookSubscriptionWithSecret> {
  constructor(
    readonly context: CommandContext,
    readonly id: string,
    readonly body: unknown,
  ) {
    super();
  }
}

@CommandHandler(RotateWebhookSecretCommand)
export class RotateWebhookSecretHandler implements ICommandHandler<RotateWebhookSecretCommand> {
  constructor(private readonly subscriptions: WebhookSubscriptions) {}

  execute({ context, id, body }: RotateWebhookSecretCommand): Promise<WebhookSubscriptionWithSecret> {
    return this.subscriptions.rotateSecret(context, id, body);
  }
}

/** Moves the delivery position to `fromPosition`: the events from there go out again, same ids. */
export class ReplayWebhookSubscriptionCommand extends Command<WebhookSubscriptionView> {
  constructor(
    readonly context: CommandContext,
    readonly id: string,
    readonly body: unknown,
  ) {
    super();
  }
}

@CommandHandler(ReplayWebhookSubscriptionCommand)
export class ReplayWebhookSubscriptionHandler implements ICommandHandler<ReplayWebhookSubscriptionCommand> {
  constructor(private readonly subscriptions: WebhookSubscriptions) {}

  execute({ context, id, body }: ReplayWebhookSubscriptionCommand): Promise<WebhookSubscriptionView> {
    return this.subscriptions.replay(context, id, body);
  }
}

/** A signed ping to the subscription's URL, now. */
export class TestWebhookSubscriptionCommand extends Command<WebhookTestAnswer> {
  constructor(
    readonly context: CommandContext,
    readonly id: string,
  ) {
    super();
  }
}

@CommandHandler(TestWebhookSubscriptionCommand)
export class TestWebhookSubscriptionHandler implements ICommandHandler<TestWebhookSubscriptionCommand> {
  constructor(private readonly subscriptions: WebhookSubscriptions) {}

  execute({ context, id }: TestWebhookSubscriptionCommand): Promise<WebhookTestAnswer> {
    return this.subscriptions.test(context, id);
  }
}

export const WEBHOOK_SUBSCRIPTION_COMMAND_HANDLERS = [
  CreateWebhookSubscriptionHandler,
  UpdateWebhookSubscriptionHandler,
  DeleteWebhookSubscriptionHandler,
  SetWebhookSubscriptionActiveHandler,
  RotateWebhookSecretHandler,
  ReplayWebhookSubscriptionHandler,
  TestWebhookSubscriptionHandler,
];
