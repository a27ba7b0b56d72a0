import type { PortalPhoto } from '@fieldstream/api-contract';
import { type CommandContext, type PhotoUpload, PortalCommands } from '@fieldstream/application';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';

/** A customer adds a photo to their own request, while it is still going. */
export class AddPortalPhotoCommand extends Command<PortalPhoto> {
  constructor(
    readonly context: CommandContext,
    readonly requestId: string,
    readonly photo: PhotoUpload,
  ) {
    super();
  }
}

@CommandHandler(AddPortalPhotoCommand)
export class AddPortalPhotoHandler implements ICommandHandler<AddPortalPhotoCommand> {
  constructor(private readonly portal: PortalCommands) {}

  execute({ context, requestId, photo }: AddPortalPhotoCommand): Promise<PortalPhoto> {
    return this.portal.addPhoto(context, requestId, photo);
  }
}
