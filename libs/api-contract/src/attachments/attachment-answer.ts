/** One stored file, as the attachments API describes it. */
export interface AttachmentAnswer {
  id: string;
  fileName: string;
  /** Sniffed from the bytes by the store: the only type the file is served with. */
  contentType: string;
  size: number;
  /** Hex SHA-256 of the content. */
  sha256: string;
  uploadedBy: string;
  /** ISO 8601, UTC. */
  uploadedAt: string;
  /** The owning record's kind (singular, e.g. `asset`) and code. */
  ownerKind: string;
  ownerId: string;
}
