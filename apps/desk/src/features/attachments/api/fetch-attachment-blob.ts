import { ApiProblemError } from '../../../shared/api/api-problem-error';
import { NetworkError } from '../../../shared/api/network-error';
import { parseProblem } from '../../../shared/api/parse-problem';
import { attachmentPaths } from './attachment-paths';

/**
 * The file's bytes, fetched with the bearer token (a plain link cannot carry it); the caller
 * shows or saves them through a blob URL.
 */
export async function fetchAttachmentBlob(id: string, token: string | undefined): Promise<Blob> {
  let response: Response;
  try {
    response = await fetch(attachmentPaths.one(id), {
      headers: token ? { Authorization: `Bearer ${token}` } : {},
      credentials: 'same-origin',
    });
  } catch (error) {
    throw new NetworkError(error);
  }
  if (!response.ok) {
    const text = await response.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON: the status line says enough
    }
    throw new ApiProblemError(parseProblem(response.status, response.statusText, body), body);
  }
  return response.blob();
}
