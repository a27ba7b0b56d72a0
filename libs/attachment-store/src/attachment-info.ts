import type { AttachmentAnswer } from '@fieldstream/api-contract';
import type { Readable } from 'node:stream';

/** Who an attachment belongs to: `{ ownerKind: 'site', ownerId: 'site-42' }`. */
export interface AttachmentOwner {
  /** Lower-case kind of the owning record: `customer`, `site`, `asset`, `asset-model`, `contract`, ... */
  ownerKind: string;
  ownerId: string;
}

/** The bytes of an upload: a Node Readable (request, file) or any async iterable of byte chunks. */
export type AttachmentSource = AsyncIterable<Uint8Array> | Readable;

export interface PutAttachmentInput extends AttachmentOwner {
  /** Chosen by the caller (a UUID), so that a retried upload is recognised as the same one. */
  id: string;
  /** The name shown and offered on download; its extension must agree with the content. */
  fileName: string;
  uploadedBy: string;
  /** What the client claimed (multipart Content-Type): kept for the record, never trusted. */
  declaredType?: string;
  content: AttachmentSource;
}

/** What the store knows of a file: the API's answer, plus the type the uploader claimed. */
export interface AttachmentInfo extends AttachmentOwner, AttachmentAnswer {
  declaredType?: string;
}

export interface OpenedAttachment {
  info: AttachmentInfo;
  /** The content; the caller must consume or destroy it. */
  stream: Readable;
}
