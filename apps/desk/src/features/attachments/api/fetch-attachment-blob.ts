import { authorisedFetch } from '../../../shared/api/authorised-fetch';
import { attachmentPaths } from './attachment-paths';

/**
 * The file's bytes, fetched with the bearer token (a plain link cannot carry it); the caller
 * shows or saves them through a blob URL.
 */
export async function fetchAttachmentBlob(id: string, token: string | undefined): Promise<Blob> {
  const response = await authorisedFetch(attachmentPaths.one(id), token);
  return response.blob();
}
