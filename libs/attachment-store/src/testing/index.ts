// Test-only entry point (jest): import it from spec files, never from src.
export {
  attachmentStoreContract,
  type AttachmentStoreContractOptions,
  type MakeAttachmentStore,
} from './attachment-store.contract';
export { endlessUpload, inChunks, readAll, sample } from './sample-files';
