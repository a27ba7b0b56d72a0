export * from './attachment-info';
export * from './attachment-store.port';
export * from './errors';
export * from './attachment-types';
export {
  DEFAULT_MAX_ATTACHMENT_BYTES,
  assertAttachmentId,
  assertFileName,
  assertOwner,
  resolveMaxBytes,
  validatePutInput,
} from './attachment-input';
export { SNIFF_BYTES, type SniffedType, extensionOf, sniffAttachmentType } from './content-sniffing';
export {
  type InspectedUpload,
  type UploadInspection,
  inspectUpload,
  inspectWithoutKeeping,
} from './upload-inspection';
export { answerRepeatedPut, attachmentInfoFor } from './idempotent-put';
