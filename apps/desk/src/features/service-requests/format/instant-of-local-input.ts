/**
 * A `datetime-local` value as an instant in UTC (`…Z`): the API refuses a time without a zone, and
 * the browser's zone is the one the dispatcher typed it in. Undefined for an empty or broken value.
 */
export function instantOfLocalInput(value: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}
