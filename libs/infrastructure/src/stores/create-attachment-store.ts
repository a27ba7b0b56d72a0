import type { AttachmentStore } from '@fieldstream/attachment-store';
import type { AppConfig } from '../config/environment-variables';

/**
 * Attachments live beside the read models: on disk in embedded mode, in GridFS when the read
 * models are in MongoDB (so a production deployment has no local state to back up).
 */
export async function createAttachmentStore(
  config: Pick<AppConfig, 'readStore' | 'attachments'>,
): Promise<AttachmentStore> {
  if (config.readStore.kind === 'mongo') {
    const { connectGridFsAttachmentStore } = await import('@fieldstream/attachment-store-gridfs');
    return connectGridFsAttachmentStore({
      url: config.readStore.url,
      database: config.readStore.database,
      maxBytes: config.attachments.maxBytes,
    });
  }
  const { openDiskAttachmentStore } = await import('@fieldstream/attachment-store-disk');
  return openDiskAttachmentStore({
    directory: config.attachments.directory,
    maxBytes: config.attachments.maxBytes,
  });
}
