import type {
  AttachmentInfo,
  AttachmentOwner,
  OpenedAttachment,
  PutAttachmentInput,
} from './attachment-info';

export interface AttachmentStoreHealth {
  ok: boolean;
  adapter: string;
  detail: string;
}

/**
 * Attachment content behind a port: on disk in embedded mode, in MongoDB GridFS in production.
 * Every adapter checks size and type while the bytes stream in and keeps nothing of a refused
 * upload; the contract suite (`@fieldstream/attachment-store/src/testing`) holds them all to it.
 */
export interface AttachmentStore {
  /**
   * Stores the content under `input.id`. Refuses with InvalidAttachmentError (bad input, empty
   * file), AttachmentTooLargeError (stopped at the limit), AttachmentTypeRefusedError. Idempotent:
   * the same id with the same bytes and metadata answers the stored info; anything else under a
   * taken id is an AttachmentConflictError.
   */
  put(input: PutAttachmentInput): Promise<AttachmentInfo>;
  /** null when there is no such attachment. */
  info(id: string): Promise<AttachmentInfo | null>;
  /** Throws AttachmentNotFoundError when there is no such attachment. */
  open(id: string): Promise<OpenedAttachment>;
  /** Oldest first (by upload time, then id). */
  list(owner: AttachmentOwner): Promise<AttachmentInfo[]>;
  /** true when something was deleted, false when there was nothing under that id. */
  delete(id: string): Promise<boolean>;
  health(): Promise<AttachmentStoreHealth>;
  close(): Promise<void>;
}
