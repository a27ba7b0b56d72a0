import { ApiProblemError } from './api-problem-error';

/**
 * The request is no longer what the user decided on: a 409 (someone changed it since the version
 * sent in `If-Match`, or its state moved on so the rules refuse the command) or a 412 (a failed
 * precondition, should a proxy answer one that way). Either way it is worth reloading.
 */
export function isConflict(error: unknown): boolean {
  return error instanceof ApiProblemError && (error.status === 409 || error.status === 412);
}
