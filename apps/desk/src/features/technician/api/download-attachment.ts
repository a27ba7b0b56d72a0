import { authorisedFetch } from '../../../shared/api/authorised-fetch';
import { attachmentPaths } from '../../attachments/api/attachment-paths';
import { saveBlob } from '../../attachments/api/save-blob';
import { fileNameOf } from './file-name-of';

/**
 * Fetches an attachment with the bearer token (a plain link cannot carry it) and hands it to the
 * browser's download under the name the server gives it.
 */
export async function downloadAttachment(id: string, token: string | undefined): Promise<void> {
  const response = await authorisedFetch(attachmentPaths.one(id), token);
  const name = fileNameOf(response.headers.get('content-disposition')) ?? `attachment-${id}`;
  saveBlob(await response.blob(), name);
}
