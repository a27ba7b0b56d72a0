export { GridFsAttachmentStore, connectGridFsAttachmentStore } from './gridfs-attachment-store';
export {
  type AttachmentFilesDocument,
  type AttachmentMetadata,
  type GridFsAttachmentStoreOptions,
  infoFromFilesDocument,
  metadataOf,
} from './gridfs-file-mapping';
