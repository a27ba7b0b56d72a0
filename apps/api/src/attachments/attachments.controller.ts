import type { Principal } from '@fieldstream/domain';
import {
  Controller,
  Delete,
  Get,
  HttpCode,
  Inject,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Res,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Response } from 'express';
import { z } from 'zod';
import { CurrentPrincipal } from '../request/current-principal.decorator';
import { AttachmentsService } from './attachments.service';

/** What multer hands over (memory storage); typed here rather than pulling in @types/multer. */
interface UploadedFileParts {
  originalname: string;
  mimetype: string;
  buffer: Buffer;
}

const ownerQuery = z.object({ ownerKind: z.string().min(1).max(40), ownerCode: z.string().min(1).max(64) });

/** Types a browser may show in place; everything else downloads. */
const INLINE = /^(application\/pdf|image\/(png|jpeg|gif|webp|bmp)|text\/plain)$/;

@Controller('attachments')
export class AttachmentsController {
  constructor(@Inject(AttachmentsService) private readonly attachments: AttachmentsService) {}

  /** multipart/form-data with one `file` field; the type is sniffed from the content. */
  @Post()
  @UseInterceptors(FileInterceptor('file'))
  upload(
    @Query() query: unknown,
    @UploadedFile() file: UploadedFileParts | undefined,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.attachments.upload(principal, ownerQuery.parse(query), file);
  }

  @Get()
  list(@Query() query: unknown, @CurrentPrincipal() principal: Principal) {
    return this.attachments.list(principal, ownerQuery.parse(query));
  }

  @Get(':id')
  async download(
    @Param('id', new ParseUUIDPipe()) id: string,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const { info, stream } = await this.attachments.open(principal, id);
    const disposition = INLINE.test(info.contentType) ? 'inline' : 'attachment';
    response.setHeader('Content-Type', info.contentType);
    response.setHeader('Content-Length', String(info.size));
    response.setHeader(
      'Content-Disposition',
      `${disposition}; filename*=UTF-8''${encodeURIComponent(info.fileName)}`,
    );
    // What we serve is what we sniffed: the browser must not guess, nor run anything inside it.
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader(
      'Content-Security-Policy',
      "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'",
    );
    response.setHeader('Cache-Control', 'private, max-age=300');
    return new StreamableFile(stream);
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(
    @Param('id', new ParseUUIDPipe()) id: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<void> {
    if (!(await this.attachments.remove(principal, id)))
      throw new NotFoundException(`There is no attachment ${id}`);
  }
}
