/** One stored file, as the attachments API describes it. */
export interface AttachmentInfo {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  uploadedBy: string;
  uploadedAt: string;
  ownerKind: string;
  ownerId: string;
}
