import type { ZodType } from 'zod';
import { ApiProblemError } from './api-problem-error';
import { InvalidResponseError } from './invalid-response-error';
import { NetworkError } from './network-error';
import { parseProblem } from './parse-problem';

export interface ApiRequestOptions<T> {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  /** Validates a 2xx body, so a version skew surfaces as a clear error rather than a crash later. */
  schema?: ZodType<T>;
  token?: string;
  /** Extra request headers (`If-Match`, `Idempotency-Key`). */
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** The world's edge: tests pass a fake server, the browser uses its own fetch. */
  fetchImpl?: typeof fetch;
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text.length === 0) return undefined;
  const type = response.headers.get('content-type') ?? '';
  if (!/[/+]json\b/i.test(type)) return text;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * JSON over fetch against the API on the same origin. Throws NetworkError when no answer came,
 * ApiProblemError for any non-2xx answer (problem+json or not), InvalidResponseError for a 2xx
 * body the schema rejects.
 */
export async function apiRequest<T = unknown>(path: string, options: ApiRequestOptions<T> = {}): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json, application/problem+json',
    ...options.headers,
  };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.token) headers['Authorization'] = `Bearer ${options.token}`;
  const doFetch = options.fetchImpl ?? globalThis.fetch.bind(globalThis);
  let response: Response;
  try {
    response = await doFetch(path, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? null : JSON.stringify(options.body),
      signal: options.signal ?? null,
      credentials: 'same-origin',
    });
  } catch (error) {
    throw new NetworkError(error);
  }
  const body = await readBody(response);
  if (!response.ok) {
    throw new ApiProblemError(parseProblem(response.status, response.statusText, body), body);
  }
  if (!options.schema) return body as T;
  const parsed = options.schema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InvalidResponseError(
      response.status,
      issue ? `${issue.path.join('.') || '(body)'}: ${issue.message}` : 'invalid',
    );
  }
  return parsed.data;
}
