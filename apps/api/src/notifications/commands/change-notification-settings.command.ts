import type { NotificationSettings } from '@fieldstream/api-contract';
import { type CommandContext, NotificationSettingsService } from '@fieldstream/application';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';

/** The actor's own contact details and switches, replaced as a whole (the body as sent). */
export class ChangeNotificationSettingsCommand extends Command<NotificationSettings> {
  constructor(
    readonly context: CommandContext,
    readonly body: unknown,
  ) {
    super();
  }
}

@CommandHandler(ChangeNotificationSettingsCommand)
export class ChangeNotificationSettingsHandler implements ICommandHandler<ChangeNotificationSettingsCommand> {
  constructor(private readonly settings: NotificationSettingsService) {}

  execute({ context, body }: ChangeNotificationSettingsCommand): Promise<NotificationSettings> {
    return this.settings.put(context, body);
  }
}
