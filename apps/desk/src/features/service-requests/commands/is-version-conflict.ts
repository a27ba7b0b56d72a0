import { ApiProblemError } from '../../../shared/api/api-problem-error';

/**
 * The request changed since the version sent in `If-Match`: the API's concurrency conflict (a 409
 * of type `/problems/concurrency-conflict`, naming the expected and actual revisions), or a 412
 * should a proxy answer a failed precondition that way. Other 409s are refusals of the rules
 * (a state that does not allow the command, a booked slot) and are said in the server's words.
 */
export function isVersionConflict(error: unknown): boolean {
  if (!(error instanceof ApiProblemError)) return false;
  if (error.status === 412) return true;
  if (error.status !== 409) return false;
  const body = (typeof error.body === 'object' && error.body !== null ? error.body : {}) as Record<
    string,
    unknown
  >;
  return error.type.endsWith('/problems/concurrency-conflict') || 'expectedRevision' in body;
}
