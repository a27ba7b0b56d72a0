/**
 * An instant as the portal sends it: always `YYYY-MM-DDTHH:mm:ss.sssZ`, whatever offset the desk
 * wrote it with (`…T09:00:00+01:00`), so that the customer's screens compare and format one form.
 */
export function utcInstant(value: string): string {
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? value : new Date(ms).toISOString();
}
