import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import {
  FieldValidationError,
  ForbiddenError,
  MasterDataService,
  REQUEST_ATTACHMENT_KIND,
  assertRequestInReach,
} from '@fieldstream/application';
import type { AttachmentInfo, AttachmentStore, OpenedAttachment } from '@fieldstream/attachment-store';
import {
  type Principal,
  isMasterDataKindName,
  masterDataAccess,
  masterDataKind,
  masterDataKindByPlural,
} from '@fieldstream/domain';
import type { ReadStore } from '@fieldstream/read-store';

export const ATTACHMENT_STORE = 'ATTACHMENT_STORE';

/** How the API names a service request as an owner: its files are the photos its customer sent. */
const REQUEST_OWNERS = 'service-requests';

/**
 * Attachments belong to a master-data record (an asset's manual, a site's map, a condition's
 * wiring diagram): whoever may read the record may read them, whoever may change it may add them.
 * A service request's files are the photos its customer sent through the portal: the desk and
 * the technicians who reach the request read them here, the customer in the portal.
 */
export class AttachmentsService {
  constructor(
    private readonly store: AttachmentStore,
    private readonly masterData: MasterDataService,
    private readonly reads: ReadStore,
  ) {}

  async upload(
    principal: Principal,
    owner: { ownerKind: string; ownerCode: string },
    file: { originalname: string; mimetype: string; buffer: Buffer } | undefined,
  ): Promise<AttachmentInfo> {
    if (!file) {
      throw new FieldValidationError('Send the file as multipart/form-data field "file"', [
        { field: 'file', code: 'required', message: 'A file is required' },
      ]);
    }
    const kind = await this.ownerKind(principal, owner, 'write');
    return this.store.put({
      id: randomUUID(),
      fileName: file.originalname,
      ownerKind: kind,
      ownerId: owner.ownerCode,
      uploadedBy: principal.displayName,
      declaredType: file.mimetype,
      content: Readable.from([file.buffer]),
    });
  }

  async list(
    principal: Principal,
    owner: { ownerKind: string; ownerCode: string },
  ): Promise<AttachmentInfo[]> {
    const kind = await this.ownerKind(principal, owner, 'read');
    return this.store.list({ ownerKind: kind, ownerId: owner.ownerCode });
  }

  async open(principal: Principal, id: string): Promise<OpenedAttachment> {
    const opened = await this.store.open(id);
    try {
      await this.ownerKind(
        principal,
        { ownerKind: pluralOf(opened.info.ownerKind), ownerCode: opened.info.ownerId },
        'read',
      );
    } catch (error) {
      opened.stream.destroy();
      throw error;
    }
    return opened;
  }

  async remove(principal: Principal, id: string): Promise<boolean> {
    const info = await this.store.info(id);
    if (!info) return false;
    await this.ownerKind(
      principal,
      { ownerKind: pluralOf(info.ownerKind), ownerCode: info.ownerId },
      'write',
    );
    return this.store.delete(id);
  }

  /** Checks the principal's access to the owning record; answers the owner's kind name. */
  private async ownerKind(
    principal: Principal,
    owner: { ownerKind: string; ownerCode: string },
    action: 'read' | 'write',
  ) {
    if (owner.ownerKind === REQUEST_OWNERS) return this.requestOwner(principal, owner.ownerCode, action);
    const kind = masterDataKindByPlural(owner.ownerKind);
    if (!kind) {
      throw new FieldValidationError(`Unknown owner kind ${owner.ownerKind}`, [
        { field: 'ownerKind', code: 'unknown_kind', message: 'A master-data kind, e.g. assets' },
      ]);
    }
    await this.masterData.get(principal, kind.plural, owner.ownerCode);
    if (action === 'write' && masterDataAccess(principal, kind.name, 'write') === 'none') {
      throw new ForbiddenError(`A ${principal.role} may not change the attachments of ${kind.plural}`);
    }
    return kind.name;
  }

  /**
   * A request's files: read by whoever reaches the request at the desk; sent by its customer
   * through the portal only (an administrator may still remove one that should not be there).
   */
  private async requestOwner(principal: Principal, requestId: string, action: 'read' | 'write') {
    if (principal.role === 'customer') {
      throw new ForbiddenError("A customer sees their request's photos in the portal: /api/portal/requests");
    }
    await assertRequestInReach(this.reads, principal, requestId);
    if (action === 'write' && principal.role !== 'admin') {
      throw new ForbiddenError("A request's files are the photos its customer sends through the portal");
    }
    return REQUEST_ATTACHMENT_KIND;
  }
}

/** Stored attachments name their owner's kind; the API speaks in plurals. */
function pluralOf(kindName: string): string {
  if (kindName === REQUEST_ATTACHMENT_KIND) return REQUEST_OWNERS;
  return isMasterDataKindName(kindName) ? masterDataKind(kindName).plural : kindName;
}
