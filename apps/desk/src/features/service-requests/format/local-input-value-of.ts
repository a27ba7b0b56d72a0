const pad = (value: number) => String(value).padStart(2, '0');

/**
 * An instant as an `<input type="datetime-local">` value (`2026-11-27T09:00`) on the browser's
 * wall clock: what a dispatcher reads and types.
 */
export function localInputValueOf(instant: Date | string): string {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}`
  );
}
