import { ApiProblemError } from '../../../shared/api/api-problem-error';
import { NetworkError } from '../../../shared/api/network-error';
import { parseProblem } from '../../../shared/api/parse-problem';

async function send(path: string, init: RequestInit, token: string | undefined): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set('Accept', 'text/calendar, application/json, application/problem+json');
  if (token) headers.set('Authorization', `Bearer ${token}`);
  let response: Response;
  try {
    response = await fetch(path, { ...init, headers, credentials: 'same-origin' });
  } catch (error) {
    throw new NetworkError(error);
  }
  if (!response.ok) {
    const text = await response.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // Not a problem body: the status line will do.
    }
    throw new ApiProblemError(parseProblem(response.status, response.statusText, body));
  }
  return response;
}

const icalPath = (code: string) => `/api/master-data/calendars/${encodeURIComponent(code)}/ical`;

/** The calendar as RFC 5545 text; fetched (not linked) because the API wants the bearer token. */
export async function downloadCalendarIcal(code: string, token: string | undefined): Promise<Blob> {
  const response = await send(icalPath(code), { method: 'GET' }, token);
  return new Blob([await response.text()], { type: 'text/calendar' });
}

/** Replaces the calendar's exceptions with those of an iCalendar file (the API decides how). */
export async function uploadCalendarIcal(
  code: string,
  content: string,
  token: string | undefined,
): Promise<void> {
  await send(
    icalPath(code),
    { method: 'POST', headers: { 'Content-Type': 'text/calendar; charset=utf-8' }, body: content },
    token,
  );
}
