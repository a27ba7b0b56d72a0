import { dayKey } from './day-key';

/**
 * "09:00–11:00" in the user's language and the given time zone; with the dates when the window
 * spans days ("27 Nov, 16:00 – 28 Nov, 10:00"), so a long job is not mistaken for a short one.
 */
export function formatTimeWindow(
  start: string,
  end: string,
  {
    language,
    timeZone,
    withDate = false,
  }: { language: string; timeZone: string | undefined; withDate?: boolean },
): string {
  const from = new Date(start);
  const to = new Date(end);
  const zone = timeZone ? { timeZone } : {};
  const spansDays = dayKey(from, timeZone ?? localZone()) !== dayKey(to, timeZone ?? localZone());
  const format = new Intl.DateTimeFormat(language, {
    ...zone,
    ...(withDate || spansDays ? { day: 'numeric', month: 'short' } : {}),
    hour: '2-digit',
    minute: '2-digit',
  });
  return format.formatRange(from, to);
}

function localZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}
