import type { PortalPhoto } from '@fieldstream/api-contract';
import {
  AttachmentTooLargeError,
  AttachmentTypeRefusedError,
  type AttachmentInfo,
  type AttachmentOwner,
  type AttachmentStore,
  sniffAttachmentType,
} from '@fieldstream/attachment-store';
import { FieldValidationError } from '../errors';

/**
 * Files on a service request are what its customer sent with it (photos of the fault). They are
 * kept in the attachment store under the request, readable by whoever reaches the request.
 */
export const REQUEST_ATTACHMENT_KIND = 'service-request';

export const requestAttachmentOwner = (requestId: string): AttachmentOwner => ({
  ownerKind: REQUEST_ATTACHMENT_KIND,
  ownerId: requestId,
});

/** Image types a phone's camera or gallery gives; drawings (DWG) are "images" to MIME only. */
const PHOTO_TYPES: ReadonlySet<string> = new Set([
  'image/jpeg',
  'image/png',
  'image/gif',
  'image/webp',
  'image/heic',
  'image/avif',
  'image/bmp',
  'image/tiff',
]);

/** A photo as the multipart upload hands it over. */
export interface PhotoUpload {
  fileName: string;
  declaredType?: string;
  content: Buffer;
}

/** The store's own refusal (413, `attachment_too_large`), on the portal's field: `photo`. */
class PhotoTooLargeError extends Error {
  override readonly name = 'PhotoTooLargeError';
  readonly code = 'attachment_too_large';
  readonly field = 'photo';
  constructor(maxBytes: number) {
    super(new AttachmentTooLargeError(maxBytes).message.replace(/^file: /, 'photo: '));
  }
}

/**
 * Checks a photo before anything is written (the request it comes with must not be opened for a
 * file that will be refused): not empty, within the size limit, and an image by its bytes, with
 * a name that agrees. Every refusal names the `photo` field.
 */
export function checkPhoto(photo: PhotoUpload, maxBytes: number): void {
  const refuse = (code: string, message: string): never => {
    throw new FieldValidationError('The photo cannot be taken; see errors', [
      { field: 'photo', code, message },
    ]);
  };
  if (photo.content.length === 0) refuse('empty_file', 'The photo is empty');
  if (photo.content.length > maxBytes) throw new PhotoTooLargeError(maxBytes);
  let mime: string;
  try {
    mime = sniffAttachmentType(
      photo.content.subarray(0, 4096),
      photo.fileName,
      photo.content.length <= 4096,
    ).mime;
  } catch (error) {
    if (error instanceof AttachmentTypeRefusedError)
      return refuse('not_a_photo', error.message.replace(/^file: /, ''));
    throw error;
  }
  if (!PHOTO_TYPES.has(mime))
    refuse('not_a_photo', `${photo.fileName} is not a photo (${mime}); send a JPEG, PNG, HEIC or WebP image`);
}

export function toPortalPhoto(info: AttachmentInfo): PortalPhoto {
  return {
    id: info.id,
    fileName: info.fileName,
    contentType: info.contentType,
    size: info.size,
    uploadedAt: info.uploadedAt,
  };
}

/** The request's photos, oldest first. */
export async function photosOf(store: AttachmentStore, requestId: string): Promise<PortalPhoto[]> {
  return (await store.list(requestAttachmentOwner(requestId))).map(toPortalPhoto);
}
