import type { ProblemDetails } from './api-problem-error';
import type { FieldProblem } from './field-problem';

function asString(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/** `#/username`, `/username`, `username`, `address.city` all name the top-level field. */
function fieldName(raw: string): string {
  const trimmed = raw.replace(/^#/, '').replace(/^\//, '');
  return trimmed.split(/[/.[]/)[0] ?? trimmed;
}

function parseFieldProblem(entry: unknown): FieldProblem | undefined {
  if (typeof entry !== 'object' || entry === null) return undefined;
  const record = entry as Record<string, unknown>;
  const location = asString(record['pointer']) ?? asString(record['field']) ?? asString(record['name']);
  const path = Array.isArray(record['path']) ? record['path'].map(String).join('.') : undefined;
  const where = location ?? (path && path.length > 0 ? path : undefined);
  if (!where) return undefined;
  const detail = asString(record['detail']) ?? asString(record['message']) ?? '';
  const code = asString(record['code']);
  return code ? { field: fieldName(where), detail, code } : { field: fieldName(where), detail };
}

/**
 * Reads an RFC 9457 body leniently: the field-level list is an extension member, so both
 * `errors` (RFC 9457's own example, with `pointer`) and `invalidParams` (RFC 7807's example, with
 * `name`) are understood. Anything unreadable falls back to the HTTP status line.
 */
export function parseProblem(status: number, statusText: string, body: unknown): ProblemDetails {
  const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const list = [record['errors'], record['invalidParams'], record['invalid-params']].find(Array.isArray) as
    unknown[] | undefined;
  const fieldProblems = (list ?? []).map(parseFieldProblem).filter((p): p is FieldProblem => p !== undefined);
  const problem: ProblemDetails = {
    status,
    type: asString(record['type']) ?? 'about:blank',
    title: asString(record['title']) ?? (statusText || `HTTP ${status}`),
    fieldProblems,
  };
  const detail = asString(record['detail']);
  if (detail) problem.detail = detail;
  const instance = asString(record['instance']);
  if (instance) problem.instance = instance;
  return problem;
}
