import { fieldErrorsByPath } from '../../../shared/api/field-errors-by-path';
import { normaliseFieldPath } from './normalise-field-path';

/** The close command's field errors from a refusal, keyed by the form's paths. */
export function closeFieldErrors(error: unknown): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const [path, message] of Object.entries(fieldErrorsByPath(error))) {
    const key = normaliseFieldPath(path);
    if (!(key in errors)) errors[key] = message;
  }
  return errors;
}
