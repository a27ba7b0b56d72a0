import type { AttachmentInfo, PutAttachmentInput } from './attachment-info';
import { AttachmentConflictError } from './errors';
import type { InspectedUpload } from './upload-inspection';

/** The info an adapter stores for a put that passed the checks. */
export function attachmentInfoFor(
  input: Omit<PutAttachmentInput, 'content'>,
  inspected: InspectedUpload,
  uploadedAt: Date,
): AttachmentInfo {
  return {
    id: input.id,
    fileName: input.fileName,
    ownerKind: input.ownerKind,
    ownerId: input.ownerId,
    contentType: inspected.contentType,
    size: inspected.size,
    sha256: inspected.sha256,
    uploadedBy: input.uploadedBy,
    uploadedAt: uploadedAt.toISOString(),
    ...(input.declaredType === undefined ? {} : { declaredType: input.declaredType }),
  };
}

/**
 * A put under an id already stored: a retry of the same upload answers what is stored; anything
 * else is a conflict naming what differs. The declared type is not compared (never trusted).
 */
export function answerRepeatedPut(
  stored: AttachmentInfo,
  input: Omit<PutAttachmentInput, 'content'>,
  inspected: InspectedUpload,
): AttachmentInfo {
  const differences: string[] = [];
  if (stored.sha256 !== inspected.sha256 || stored.size !== inspected.size) differences.push('content');
  for (const field of ['fileName', 'ownerKind', 'ownerId', 'uploadedBy'] as const) {
    if (stored[field] !== input[field]) differences.push(field);
  }
  if (differences.length > 0) throw new AttachmentConflictError(stored.id, differences);
  return stored;
}
