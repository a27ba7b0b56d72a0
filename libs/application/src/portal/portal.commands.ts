import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import type {
  PortalOpenRequestBody,
  PortalPhoto,
  portalOpenRequestBodySchema,
} from '@fieldstream/api-contract';
import type { AttachmentStore, OpenedAttachment } from '@fieldstream/attachment-store';
import { DomainError, type Principal } from '@fieldstream/domain';
import type { ReadStore } from '@fieldstream/read-store';
import type { z } from 'zod';
import type { CommandContext } from '../commands/command-context';
import { nameBasedUuid } from '../commands/stream-names';
import { FieldValidationError, NotFoundError } from '../errors';
import type { ServiceRequestCommands } from '../service-requests/commands/service-request-commands.service';
import type { ServiceRequestCommandResult } from '../service-requests/service-request-action';
import { portalCustomerOf } from './portal-customer';
import { customerAsset, customerRequest } from './portal-reach';
import { FINISHED_STATUSES } from './portal-stage';
import type { PortalQueries } from './portal.queries';
import { type PhotoUpload, checkPhoto, requestAttachmentOwner, toPortalPhoto } from './request-photos';

export type PortalOpenRequestInput = z.output<typeof portalOpenRequestBodySchema>;
export type { PortalOpenRequestBody };

export interface PortalCommandsOptions {
  reads: ReadStore;
  attachments: AttachmentStore;
  commands: ServiceRequestCommands;
  queries: PortalQueries;
  /** The attachment store's size limit: a photo over it is refused before the request opens. */
  maxPhotoBytes: number;
}

/** Enough photos to show any fault; a bound so that one request cannot fill the store. */
export const MAX_PHOTOS_PER_REQUEST = 20;

/**
 * What a customer does in the portal: open a request (with a photo), comment on it, add photos.
 * Opening goes through the service-request commands like every other channel (source `portal`,
 * the customer the signed-in user's own, the priority left to the desk); nothing is written
 * until every field, the condition and the photo have passed.
 */
export class PortalCommands {
  constructor(private readonly options: PortalCommandsOptions) {}

  async open(
    context: CommandContext,
    body: PortalOpenRequestInput,
    photo?: PhotoUpload,
  ): Promise<ServiceRequestCommandResult> {
    const customerCode = portalCustomerOf(context.actor);
    if (photo) checkPhoto(photo, this.options.maxPhotoBytes);
    if (body.conditionCode !== undefined) await this.checkCondition(customerCode, body);
    const contactName =
      body.contactName ?? (body.contactPhone !== undefined ? context.actor.displayName : undefined);
    const result = await this.options.commands.open(context, {
      source: 'portal',
      customerCode,
      siteCode: body.siteCode,
      ...(body.assetCode !== undefined && { assetCode: body.assetCode }),
      description: body.description,
      priority: 'normal',
      conditionCodes: body.conditionCode !== undefined ? [body.conditionCode] : [],
      ...(contactName !== undefined && {
        contact: { name: contactName, ...(body.contactPhone !== undefined && { phone: body.contactPhone }) },
      }),
    });
    // The photo's id follows from the request's: a retried opening stores it once.
    if (photo)
      await this.store(
        context,
        result.requestId,
        photo,
        nameBasedUuid(`portal-photo:${result.requestId}:opening`),
      );
    return result;
  }

  async comment(
    context: CommandContext,
    requestId: string,
    text: string,
  ): Promise<ServiceRequestCommandResult> {
    await this.openRequestOf(context.actor, requestId);
    return this.options.commands.comment(context, requestId, text);
  }

  async addPhoto(context: CommandContext, requestId: string, photo: PhotoUpload): Promise<PortalPhoto> {
    await this.openRequestOf(context.actor, requestId);
    checkPhoto(photo, this.options.maxPhotoBytes);
    const taken = await this.options.attachments.list(requestAttachmentOwner(requestId));
    if (taken.length >= MAX_PHOTOS_PER_REQUEST) {
      throw new DomainError('too_many_photos', `A request takes at most ${MAX_PHOTOS_PER_REQUEST} photos`, {
        limit: MAX_PHOTOS_PER_REQUEST,
      });
    }
    const key = context.idempotencyKey;
    const id = key ? nameBasedUuid(`portal-photo:${requestId}:${context.actor.id}:${key}`) : randomUUID();
    return toPortalPhoto(await this.store(context, requestId, photo, id));
  }

  /** One photo of the customer's own request; another request's (or another customer's) reads as missing. */
  async openPhoto(principal: Principal, requestId: string, photoId: string): Promise<OpenedAttachment> {
    await customerRequest(this.options.reads, portalCustomerOf(principal), requestId);
    const info = await this.options.attachments.info(photoId);
    const owner = requestAttachmentOwner(requestId);
    if (!info || info.ownerKind !== owner.ownerKind || info.ownerId !== owner.ownerId) {
      throw new NotFoundError(`There is no photo ${photoId}`, { kind: 'photo', id: photoId });
    }
    return this.options.attachments.open(photoId);
  }

  /** The customer's request while it is still going: a finished one takes no more comments or photos. */
  private async openRequestOf(principal: Principal, requestId: string) {
    const request = await customerRequest(this.options.reads, portalCustomerOf(principal), requestId);
    if (FINISHED_STATUSES.has(request.status)) {
      throw new DomainError(
        'illegal_transition',
        `Request ${request.reference} is over (${request.status})`,
        {
          status: request.status,
        },
      );
    }
    return request;
  }

  /** A condition is reported about a machine, and must be one of that machine's model. */
  private async checkCondition(customerCode: string, body: PortalOpenRequestInput): Promise<void> {
    const refuse = (code: string, message: string): never => {
      throw new FieldValidationError('The request has invalid fields; see errors', [
        { field: 'conditionCode', code, message },
      ]);
    };
    if (body.assetCode === undefined)
      return refuse('asset_required', 'Choose the machine the condition is about');
    let conditions;
    try {
      conditions = await this.options.queries.conditionsOf(
        await customerAsset(this.options.reads, customerCode, body.assetCode),
      );
    } catch (error) {
      // An unknown machine is the opening's to report, on its own field.
      if (error instanceof NotFoundError) return;
      throw error;
    }
    if (!conditions.some((condition) => condition.code === body.conditionCode)) {
      refuse('condition_not_for_asset', `${body.conditionCode} is not a condition of this machine's model`);
    }
  }

  private store(context: CommandContext, requestId: string, photo: PhotoUpload, id: string) {
    return this.options.attachments.put({
      id,
      ...requestAttachmentOwner(requestId),
      fileName: photo.fileName,
      uploadedBy: context.actor.displayName,
      ...(photo.declaredType !== undefined && { declaredType: photo.declaredType }),
      content: Readable.from([photo.content]),
    });
  }
}
