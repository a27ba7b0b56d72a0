import { authorisedFetch } from '../../../shared/api/authorised-fetch';

const ACCEPT = 'text/calendar, application/json, application/problem+json';

const icalPath = (code: string) => `/api/master-data/calendars/${encodeURIComponent(code)}/ical`;

/** The calendar as RFC 5545 text; fetched (not linked) because the API wants the bearer token. */
export async function downloadCalendarIcal(code: string, token: string | undefined): Promise<Blob> {
  const response = await authorisedFetch(icalPath(code), token, { headers: { Accept: ACCEPT } });
  return new Blob([await response.text()], { type: 'text/calendar' });
}

/** Replaces the calendar's exceptions with those of an iCalendar file (the API decides how). */
export async function uploadCalendarIcal(
  code: string,
  content: string,
  token: string | undefined,
): Promise<void> {
  await authorisedFetch(icalPath(code), token, {
    method: 'POST',
    headers: { Accept: ACCEPT, 'Content-Type': 'text/calendar; charset=utf-8' },
    body: content,
  });
}
