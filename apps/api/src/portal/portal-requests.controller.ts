import {
  PORTAL_PHOTO_FIELD,
  type PortalPhoto,
  type PortalRequestDetail,
  type PortalRequestList,
  portalCommentBodySchema,
  portalOpenRequestBodySchema,
  portalPaths,
  portalRequestListQuerySchema,
} from '@fieldstream/api-contract';
import {
  type CommandContext,
  FieldValidationError,
  type PhotoUpload,
  PortalCommands,
  type ServiceRequestCommandResult,
} from '@fieldstream/application';
import type { Principal } from '@fieldstream/domain';
import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Res,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Response } from 'express';
import { RequestCommandContext } from '../request/command-context.decorator';
import { CurrentPrincipal } from '../request/current-principal.decorator';
import { ServiceRequestReadModels } from '../service-requests/service-request-read-models';
import { AddPortalPhotoCommand } from './commands/add-portal-photo.command';
import { CommentPortalRequestCommand } from './commands/comment-portal-request.command';
import { OpenPortalRequestCommand } from './commands/open-portal-request.command';
import { parsePortalBody } from './portal-body';
import { GetPortalRequestQuery } from './queries/get-portal-request.query';
import { ListPortalRequestsQuery } from './queries/list-portal-requests.query';

/** What multer hands over (memory storage). */
interface UploadedFileParts {
  originalname: string;
  mimetype: string;
  buffer: Buffer;
}

const photoOf = (file: UploadedFileParts | undefined): PhotoUpload | undefined =>
  file && { fileName: file.originalname, declaredType: file.mimetype, content: file.buffer };

/**
 * The customer's requests in the portal: list, read, open (JSON, or a form with a `photo`),
 * comment, add photos and look at them. Customer users only (403 for anyone else); another
 * customer's request answers 404 exactly like a missing one.
 */
@Controller('portal/requests')
export class PortalRequestsController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
    private readonly readModels: ServiceRequestReadModels,
    private readonly portal: PortalCommands,
  ) {}

  @Get()
  list(@Query() query: unknown, @CurrentPrincipal() principal: Principal): Promise<PortalRequestList> {
    const filter = parsePortalBody(portalRequestListQuerySchema, query);
    return this.queryBus.execute(new ListPortalRequestsQuery(principal, filter));
  }

  @Get(':id')
  get(@Param('id') id: string, @CurrentPrincipal() principal: Principal): Promise<PortalRequestDetail> {
    return this.queryBus.execute(new GetPortalRequestQuery(principal, id));
  }

  /** 201 with the request as the portal shows it; 200 when an Idempotency-Key finds the one it opened. */
  @Post()
  @UseInterceptors(FileInterceptor(PORTAL_PHOTO_FIELD))
  async open(
    @Body() body: unknown,
    @UploadedFile() file: UploadedFileParts | undefined,
    @RequestCommandContext() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<PortalRequestDetail> {
    const input = parsePortalBody(portalOpenRequestBodySchema, body);
    const result = await this.commandBus.execute(new OpenPortalRequestCommand(context, input, photoOf(file)));
    response.status(result.created === false ? 200 : 201);
    response.setHeader('Location', `/api${portalPaths.request(result.requestId)}`);
    return this.answer(context, result);
  }

  @Post(':id/comments')
  @HttpCode(200)
  async comment(
    @Param('id') id: string,
    @Body() body: unknown,
    @RequestCommandContext() context: CommandContext,
  ): Promise<PortalRequestDetail> {
    const { text } = parsePortalBody(portalCommentBodySchema, body);
    return this.answer(
      context,
      await this.commandBus.execute(new CommentPortalRequestCommand(context, id, text)),
    );
  }

  @Post(':id/photos')
  @UseInterceptors(FileInterceptor(PORTAL_PHOTO_FIELD))
  addPhoto(
    @Param('id') id: string,
    @UploadedFile() file: UploadedFileParts | undefined,
    @RequestCommandContext() context: CommandContext,
  ): Promise<PortalPhoto> {
    const photo = photoOf(file);
    if (!photo) {
      throw new FieldValidationError('Send the photo as multipart/form-data field "photo"', [
        { field: PORTAL_PHOTO_FIELD, code: 'required', message: 'A photo is required' },
      ]);
    }
    return this.commandBus.execute(new AddPortalPhotoCommand(context, id, photo));
  }

  @Get(':id/photos/:photoId')
  async photo(
    @Param('id') id: string,
    @Param('photoId', new ParseUUIDPipe()) photoId: string,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const { info, stream } = await this.portal.openPhoto(principal, id, photoId);
    response.setHeader('Content-Type', info.contentType);
    response.setHeader('Content-Length', String(info.size));
    response.setHeader(
      'Content-Disposition',
      `inline; filename*=UTF-8''${encodeURIComponent(info.fileName)}`,
    );
    // What we serve is what we sniffed: the browser must not guess, nor run anything inside it.
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('Content-Security-Policy', "sandbox; default-src 'none'; img-src 'self'");
    response.setHeader('Cache-Control', 'private, max-age=300');
    return new StreamableFile(stream);
  }

  /** Once the read models show the command, the request as the portal shows it (read-your-writes). */
  private async answer(
    context: CommandContext,
    result: ServiceRequestCommandResult,
  ): Promise<PortalRequestDetail> {
    await this.readModels.caughtUp(result);
    return this.queryBus.execute(new GetPortalRequestQuery(context.actor, result.requestId));
  }
}
