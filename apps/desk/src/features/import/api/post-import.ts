import { ApiProblemError } from '../../../shared/api/api-problem-error';
import { InvalidResponseError } from '../../../shared/api/invalid-response-error';
import { NetworkError } from '../../../shared/api/network-error';
import { parseProblem } from '../../../shared/api/parse-problem';
import type { ImportFormat } from '../types/import-format';

const CONTENT_TYPES: Record<ImportFormat, string> = { csv: 'text/csv', json: 'application/json' };

/**
 * Sends the file as it is (the server parses it, so line numbers in the report are the file's
 * own); the shared JSON helper would re-encode it, hence a fetch of its own.
 */
export async function postImport(options: {
  plural: string;
  format: ImportFormat;
  content: string;
  dryRun: boolean;
  token?: string | undefined;
  /** Named in the import's record; headers carry Latin-1 only, so other names are left out. */
  fileName?: string | undefined;
}): Promise<{ importId: string }> {
  const headers: Record<string, string> = {
    Accept: 'application/json, application/problem+json',
    'Content-Type': `${CONTENT_TYPES[options.format]}; charset=utf-8`,
  };
  if (options.token) headers['Authorization'] = `Bearer ${options.token}`;
  if (options.fileName && /^[\x20-\x7e]{1,200}$/.test(options.fileName))
    headers['X-File-Name'] = options.fileName;
  const url = `/api/imports/${encodeURIComponent(options.plural)}${options.dryRun ? '?dryRun=true' : ''}`;
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers,
      body: options.content,
      credentials: 'same-origin',
    });
  } catch (error) {
    throw new NetworkError(error);
  }
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // Not JSON: parseProblem falls back to the status line.
  }
  if (!response.ok) throw new ApiProblemError(parseProblem(response.status, response.statusText, body));
  const importId = (body as { importId?: unknown } | undefined)?.importId;
  if (typeof importId !== 'string') {
    throw new InvalidResponseError(response.status, 'importId: missing');
  }
  return { importId };
}
