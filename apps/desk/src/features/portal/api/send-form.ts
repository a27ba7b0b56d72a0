import { authorisedFetch } from '../../../shared/api/authorised-fetch';
import { InvalidResponseError } from '../../../shared/api/invalid-response-error';
import type { ZodType } from 'zod';

/**
 * Posts a multipart form (fields and a photo) with the bearer token and an Idempotency-Key, and
 * reads the JSON answer through its contract schema. Fails as every API call does
 * (NetworkError, ApiProblemError with the fields the server named).
 */
export async function sendForm<T>(
  path: string,
  form: FormData,
  {
    token,
    idempotencyKey,
    schema,
  }: { token: string | undefined; idempotencyKey: string; schema: ZodType<T> },
): Promise<T> {
  const response = await authorisedFetch(path, token, {
    method: 'POST',
    headers: { Accept: 'application/json, application/problem+json', 'Idempotency-Key': idempotencyKey },
    body: form,
  });
  const parsed = schema.safeParse(await response.json());
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InvalidResponseError(
      response.status,
      issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid',
    );
  }
  return parsed.data;
}
