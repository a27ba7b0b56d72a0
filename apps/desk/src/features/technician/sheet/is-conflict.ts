import { ApiProblemError } from '../../../shared/api/api-problem-error';

/** The request changed since the sheet was loaded (If-Match no longer matches), or the slot is gone. */
export function isConflict(error: unknown): boolean {
  return error instanceof ApiProblemError && error.status === 409;
}
