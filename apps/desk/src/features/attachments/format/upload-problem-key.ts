import { ApiProblemError } from '../../../shared/api/api-problem-error';

/** The translation key for why an upload was refused, or undefined for the generic alert. */
export function uploadProblemKey(error: unknown): string | undefined {
  if (!(error instanceof ApiProblemError)) return undefined;
  switch (error.status) {
    case 413:
      return 'upload.tooLarge';
    case 415:
      return 'upload.typeRefused';
    case 403:
      return 'upload.forbidden';
    case 400:
      return 'upload.invalid';
    default:
      return undefined;
  }
}
