import { AddPortalPhotoHandler } from './add-portal-photo.command';
import { CommentPortalRequestHandler } from './comment-portal-request.command';
import { OpenPortalRequestHandler } from './open-portal-request.command';

/** Every portal command handler, registered by the module. */
export const PORTAL_COMMAND_HANDLERS = [
  OpenPortalRequestHandler,
  CommentPortalRequestHandler,
  AddPortalPhotoHandler,
];
