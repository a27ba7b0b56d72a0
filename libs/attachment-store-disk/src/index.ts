export {
  DiskAttachmentStore,
  openDiskAttachmentStore,
  type DiskAttachmentStoreOptions,
} from './disk-attachment-store';
