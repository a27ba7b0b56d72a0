/**
 * A visit as a customer reads it: "Tue 2 Dec, 09:00–11:00" (the dates on both ends when it
 * spans days), in the reader's language and the browser's time zone.
 */
export function formatWindow(start: string, end: string, language: string, timeZone?: string): string {
  const format = new Intl.DateTimeFormat(language, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    ...(timeZone && { timeZone }),
  });
  return format.formatRange(new Date(start), new Date(end));
}

/** A day and time: "27 Nov 2026, 09:15". */
export function formatMoment(instant: string, language: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(language, {
    dateStyle: 'medium',
    timeStyle: 'short',
    ...(timeZone && { timeZone }),
  }).format(new Date(instant));
}

/** A calendar day (`YYYY-MM-DD`) as a date: "31 Dec 2026". Read as that day wherever the reader is. */
export function formatDay(day: string, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );
}
