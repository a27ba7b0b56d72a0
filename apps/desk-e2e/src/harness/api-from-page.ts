import type { Page } from 'playwright-core';

export interface PageApiAnswer {
  status: number;
  body: unknown;
}

/**
 * Calls the API from inside the page with the signed-in tab's token, as the desk itself does:
 * for preparing data and checking what the screens wrote without a second login. `headers` are
 * sent besides the token and the content type (e.g. `If-Match`).
 */
export async function apiFromPage(
  page: Page,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<PageApiAnswer> {
  return page.evaluate(
    async ({ method, path, body, headers }) => {
      const { token } = JSON.parse(sessionStorage.getItem('fieldstream.session') ?? '{}') as {
        token?: string;
      };
      const response = await fetch(path, {
        method,
        headers: {
          Authorization: `Bearer ${token ?? ''}`,
          'Content-Type': 'application/json',
          ...headers,
        },
        body: body === undefined ? null : JSON.stringify(body),
      });
      const text = await response.text();
      return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
    },
    { method, path, body, headers },
  );
}

/**
 * `apiFromPage` for preparing data and reading what the screens wrote: the answer's body, or an
 * error naming the call and what the API answered.
 */
export async function apiBody<T>(
  page: Page,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<T> {
  const answer = await apiFromPage(page, method, path, body);
  if (answer.status >= 300)
    throw new Error(`${method} ${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body as T;
}

/**
 * A command on a service request (`<id>/<action>`) with the version it has now, as a desk sends
 * it: the request is read first for its `If-Match`.
 */
export async function requestCommand<T>(page: Page, path: string, body: unknown = {}): Promise<T> {
  const id = path.split('/')[0]!;
  const current = await apiBody<{ version: number }>(page, 'GET', `/api/service-requests/${id}`);
  const answer = await apiFromPage(page, 'POST', `/api/service-requests/${path}`, body, {
    'If-Match': `"${current.version}"`,
  });
  if (answer.status !== 200) throw new Error(`POST ${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body as T;
}
