import { ApiProblemError } from './api-problem-error';
import { NetworkError } from './network-error';
import { parseProblem } from './parse-problem';

/** A non-2xx body as JSON when it is JSON, else as text: parseProblem falls back to the status line. */
async function readErrorBody(response: Response): Promise<unknown> {
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * fetch with the bearer token, for what the JSON helper (apiRequest) cannot carry: a file sent as
 * it is (iCalendar, CSV) or bytes read back as a blob (a plain link cannot carry the token). Fails
 * as apiRequest does: NetworkError when no answer came, ApiProblemError for any non-2xx answer.
 * A 2xx response comes back unread, for the caller to read as it needs.
 */
export async function authorisedFetch(
  path: string,
  token: string | undefined,
  init: RequestInit = {},
): Promise<Response> {
  const headers = new Headers(init.headers);
  if (token) headers.set('Authorization', `Bearer ${token}`);
  let response: Response;
  try {
    response = await fetch(path, { ...init, headers, credentials: 'same-origin' });
  } catch (error) {
    throw new NetworkError(error);
  }
  if (!response.ok) {
    const body = await readErrorBody(response);
    throw new ApiProblemError(parseProblem(response.status, response.statusText, body), body);
  }
  return response;
}
