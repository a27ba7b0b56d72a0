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
