import { ApiProblemError } from './api-problem-error';

/**
 * The problem's field errors keyed by their whole dotted path (`address.city`,
 * `serviceLevels.1.priority`), first message per path, so nested form fields can show their own.
 */
export function fieldErrorsByPath(error: unknown): Record<string, string> {
  if (!(error instanceof ApiProblemError)) return {};
  const body = error.body as { errors?: unknown; invalidParams?: unknown } | undefined;
  const list = Array.isArray(body?.errors)
    ? body.errors
    : Array.isArray(body?.invalidParams)
      ? body.invalidParams
      : [];
  const result: Record<string, string> = {};
  for (const entry of list as unknown[]) {
    if (typeof entry !== 'object' || entry === null) continue;
    const record = entry as Record<string, unknown>;
    const raw =
      record['field'] ??
      record['name'] ??
      record['pointer'] ??
      (Array.isArray(record['path']) ? record['path'].join('.') : undefined);
    if (typeof raw !== 'string' || raw.length === 0) continue;
    const path = raw.replace(/^#?\//, '').replace(/\//g, '.');
    const message = record['message'] ?? record['detail'];
    if (!(path in result)) result[path] = typeof message === 'string' ? message : '';
  }
  return result;
}
