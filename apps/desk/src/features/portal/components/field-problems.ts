import { ApiProblemError } from '../../../shared/api/api-problem-error';

/** The fields a refusal named, each with its code and the server's message (first per field). */
export function fieldProblems(error: unknown): Record<string, { code: string; message: string }> {
  if (!(error instanceof ApiProblemError)) return {};
  const errors = (error.body as { errors?: unknown } | undefined)?.errors;
  const problems: Record<string, { code: string; message: string }> = {};
  for (const entry of Array.isArray(errors) ? (errors as Record<string, unknown>[]) : []) {
    const field = entry['field'];
    if (typeof field !== 'string' || field in problems) continue;
    problems[field] = {
      code: typeof entry['code'] === 'string' ? entry['code'] : '',
      message: typeof entry['message'] === 'string' ? entry['message'] : '',
    };
  }
  return problems;
}
