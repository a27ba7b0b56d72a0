/**
 * Multer's limits, set once at start from ATTACHMENT_MAX_BYTES (decorators are evaluated before
 * any configuration could be injected). One byte over the store's limit, so that the store's own
 * check — with its clear message — is what refuses a file at exactly the limit plus one.
 */
export const ATTACHMENT_UPLOAD_LIMITS: { fileSize: number; files: number; fields: number } = {
  fileSize: 26_214_400 + 1,
  files: 1,
  fields: 0,
};

export function setAttachmentMaxBytes(maxBytes: number): void {
  ATTACHMENT_UPLOAD_LIMITS.fileSize = maxBytes + 1;
}
