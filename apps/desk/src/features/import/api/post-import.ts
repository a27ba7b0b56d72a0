import { authorisedFetch } from '../../../shared/api/authorised-fetch';
import { InvalidResponseError } from '../../../shared/api/invalid-response-error';
import type { ImportFormat } from '../types/import-format';

const CONTENT_TYPES: Record<ImportFormat, string> = { csv: 'text/csv', json: 'application/json' };

/**
 * Sends the file as it is (the server parses it, so line numbers in the report are the file's
 * own); the shared JSON helper would re-encode it, hence the plain authorised fetch.
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
  if (options.fileName && /^[\x20-\x7e]{1,200}$/.test(options.fileName))
    headers['X-File-Name'] = options.fileName;
  const url = `/api/imports/${encodeURIComponent(options.plural)}${options.dryRun ? '?dryRun=true' : ''}`;
  const response = await authorisedFetch(url, options.token, {
    method: 'POST',
    headers,
    body: options.content,
  });
  const body = (await response.json().catch(() => undefined)) as unknown;
  const importId = (body as { importId?: unknown } | undefined)?.importId;
  if (typeof importId !== 'string') {
    throw new InvalidResponseError(response.status, 'importId: missing');
  }
  return { importId };
}
