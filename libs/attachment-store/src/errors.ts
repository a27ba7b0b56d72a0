/** Megabytes as people read them on an upload form: 25 MB, 0.5 MB. */
export function formatMegabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return `${Number.isInteger(mb) ? mb : Number(mb.toFixed(mb < 1 ? 3 : 1))} MB`;
}

/** The upload went past the store's size limit; it was stopped there and nothing was kept. */
export class AttachmentTooLargeError extends Error {
  override readonly name = 'AttachmentTooLargeError';
  readonly code = 'attachment_too_large';
  readonly field = 'file';
  constructor(readonly maxBytes: number) {
    super(`file: larger than the ${formatMegabytes(maxBytes)} limit for attachments`);
  }
}

/**
 * The content is not a type we keep (sniffed from its bytes, never from its name or the declared
 * type), or the name's extension says something else than the content: nothing was kept.
 */
export class AttachmentTypeRefusedError extends Error {
  override readonly name = 'AttachmentTypeRefusedError';
  readonly code = 'attachment_type_refused';
  readonly field = 'file';
  constructor(
    /** What the bytes are, in words: `Windows executable (MZ)`, `PNG image (image/png)`. */
    readonly detected: string,
    /** Why that is refused: the sentence after "file: ". */
    reason: string,
    /** Labels of the accepted types, for the message and for a client to show. */
    readonly allowed: readonly string[],
  ) {
    super(`file: ${reason}. Accepted: ${allowed.join(', ')}`);
  }
}

export class AttachmentNotFoundError extends Error {
  override readonly name = 'AttachmentNotFoundError';
  readonly code = 'attachment_not_found';
  readonly field = 'id';
  constructor(readonly id: string) {
    super(`No attachment ${id}`);
  }
}

/** The id is taken by an attachment with other bytes or other metadata: ids are never reused. */
export class AttachmentConflictError extends Error {
  override readonly name = 'AttachmentConflictError';
  readonly code = 'attachment_conflict';
  readonly field = 'id';
  constructor(
    readonly id: string,
    /** What differs from the stored attachment: `content`, `fileName`, `ownerId`, ... */
    readonly differences: readonly string[],
  ) {
    super(`Attachment ${id} already exists with a different ${differences.join(', ')}`);
  }
}

/** An id, file name, owner or option that cannot be stored: checked before any byte is read. */
export class InvalidAttachmentError extends Error {
  override readonly name = 'InvalidAttachmentError';
  readonly code = 'invalid_attachment';
  constructor(
    /** Which input is at fault: `id`, `fileName`, `ownerKind`, `ownerId`, `uploadedBy`, `file`, ... */
    readonly field: string,
    reason: string,
  ) {
    super(`${field}: ${reason}`);
  }
}

/** The storage cannot be reached or failed in a way that is not the caller's fault. */
export class AttachmentStoreUnavailableError extends Error {
  override readonly name = 'AttachmentStoreUnavailableError';
  readonly code = 'attachment_store_unavailable';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
