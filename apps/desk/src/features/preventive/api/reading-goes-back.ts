import { ApiProblemError } from '../../../shared/api/api-problem-error';

/**
 * The meter's last reading when the API refused one for going back (409 `reading_goes_back`,
 * `details.last`), `{}` when it did not say which; undefined for any other error.
 */
export function readingGoesBack(error: unknown): { value?: number; at?: string } | undefined {
  if (!(error instanceof ApiProblemError) || error.status !== 409) return undefined;
  const body = error.body as { code?: unknown; details?: { last?: { value?: unknown; at?: unknown } } };
  if (body?.code !== 'reading_goes_back') return undefined;
  const last = body.details?.last;
  return {
    ...(typeof last?.value === 'number' ? { value: last.value } : {}),
    ...(typeof last?.at === 'string' ? { at: last.at } : {}),
  };
}
