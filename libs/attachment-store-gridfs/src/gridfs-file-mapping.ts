import type { AttachmentInfo } from '@fieldstream/attachment-store';

/**
 * GridFS files documents carry the attachment in `metadata`; the GridFS `_id` is a fresh
 * ObjectId per upload, so that a racing upload of the same attachment id never mixes its chunks
 * with another's. A unique index on `metadata.attachmentId` makes the files document the commit.
 */
export interface AttachmentMetadata {
  attachmentId: string;
  ownerKind: string;
  ownerId: string;
  contentType: string;
  sha256: string;
  uploadedBy: string;
  uploadedAt: string;
  declaredType?: string;
}

/** The parts of a GridFS files document this adapter reads. */
export interface AttachmentFilesDocument {
  filename: string;
  length: number;
  metadata?: Partial<AttachmentMetadata> | null;
}

export function metadataOf(info: AttachmentInfo): AttachmentMetadata {
  return {
    attachmentId: info.id,
    ownerKind: info.ownerKind,
    ownerId: info.ownerId,
    contentType: info.contentType,
    sha256: info.sha256,
    uploadedBy: info.uploadedBy,
    uploadedAt: info.uploadedAt,
    ...(info.declaredType === undefined ? {} : { declaredType: info.declaredType }),
  };
}

/** null for a files document that is not one of ours (written by another tool into the bucket). */
export function infoFromFilesDocument(document: AttachmentFilesDocument): AttachmentInfo | null {
  const m = document.metadata;
  if (
    m === null ||
    m === undefined ||
    typeof m.attachmentId !== 'string' ||
    typeof m.ownerKind !== 'string' ||
    typeof m.ownerId !== 'string' ||
    typeof m.contentType !== 'string' ||
    typeof m.sha256 !== 'string' ||
    typeof m.uploadedBy !== 'string' ||
    typeof m.uploadedAt !== 'string'
  ) {
    return null;
  }
  return {
    id: m.attachmentId,
    fileName: document.filename,
    ownerKind: m.ownerKind,
    ownerId: m.ownerId,
    contentType: m.contentType,
    size: document.length,
    sha256: m.sha256,
    uploadedBy: m.uploadedBy,
    uploadedAt: m.uploadedAt,
    ...(typeof m.declaredType === 'string' ? { declaredType: m.declaredType } : {}),
  };
}

/** Connection strings may carry a password; errors must not. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/[^@/]*@/, '//***@');
}

// NUL is refused too, by the check below (a control character in a regex is a lint error).
const DATABASE_NAME = /^[^/\\. "$*<>:|?]{1,63}$/;
const BUCKET_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;

export interface GridFsAttachmentStoreOptions {
  /** `mongodb://host:27017/?replicaSet=rs0` or `mongodb+srv://...`. */
  url: string;
  database: string;
  /** Default `attachments`: collections `attachments.files` and `attachments.chunks`. */
  bucketName?: string;
  /** Default DEFAULT_MAX_ATTACHMENT_BYTES (25 MiB). */
  maxBytes?: number;
  /** How long to look for a server before failing; the driver's 30 s default is too slow to fail. */
  serverSelectionTimeoutMS?: number;
  /** For tests; uploads are stamped with it. */
  now?: () => Date;
}

/** Checks the options before any connection, naming the option at fault. */
export function checkGridFsOptions(options: GridFsAttachmentStoreOptions): {
  bucketName: string;
  serverSelectionTimeoutMS: number;
} {
  const { url, database } = options ?? ({} as GridFsAttachmentStoreOptions);
  if (typeof url !== 'string' || !/^mongodb(\+srv)?:\/\//.test(url)) {
    throw new TypeError(
      'connectGridFsAttachmentStore: url must be a MongoDB connection string (mongodb://... or mongodb+srv://...)',
    );
  }
  if (
    typeof database !== 'string' ||
    !DATABASE_NAME.test(database) ||
    database.includes(String.fromCharCode(0))
  ) {
    throw new TypeError(
      'connectGridFsAttachmentStore: database must be 1 to 63 characters without / \\ . space " $ * < > : | ?',
    );
  }
  const bucketName = options.bucketName ?? 'attachments';
  if (typeof bucketName !== 'string' || !BUCKET_NAME.test(bucketName)) {
    throw new TypeError(
      'connectGridFsAttachmentStore: bucketName must be a letter then letters, digits, _ or -',
    );
  }
  const serverSelectionTimeoutMS = options.serverSelectionTimeoutMS ?? 10_000;
  if (!Number.isSafeInteger(serverSelectionTimeoutMS) || serverSelectionTimeoutMS <= 0) {
    throw new TypeError('connectGridFsAttachmentStore: serverSelectionTimeoutMS must be a positive integer');
  }
  return { bucketName, serverSelectionTimeoutMS };
}
