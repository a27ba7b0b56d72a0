import { ApiProblemError } from '../../../shared/api/api-problem-error';

const KNOWN = new Set(['not_a_photo', 'attachment_too_large', 'empty_file']);

/** The portal's own words for a refused photo (`new.errors.<code>`), when the server named why. */
export function photoProblemKey(error: unknown): `new.errors.${string}` | undefined {
  if (!(error instanceof ApiProblemError)) return undefined;
  const errors = (error.body as { errors?: { field?: string; code?: string }[] } | undefined)?.errors ?? [];
  const code = errors.find((entry) => entry.field === 'photo')?.code;
  return code && KNOWN.has(code) ? `new.errors.${code}` : undefined;
}
