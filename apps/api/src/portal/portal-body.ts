import { type FieldIssue, FieldValidationError } from '@fieldstream/application';
import type { ZodType } from 'zod';

/**
 * A portal body validated by its contract schema, every problem named by its field — a field the
 * portal does not take (a customer code, a priority) by its own name, rather than as the body's.
 * A form's empty fields (multipart sends every input, filled or not) count as left out.
 */
export function parsePortalBody<T>(schema: ZodType<T>, body: unknown): T {
  const fields =
    body !== null && typeof body === 'object' && !Array.isArray(body)
      ? Object.fromEntries(Object.entries(body).filter(([, value]) => value !== ''))
      : (body ?? {});
  const parsed = schema.safeParse(fields);
  if (parsed.success) return parsed.data;
  const issues: FieldIssue[] = parsed.error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({
          field: [...issue.path.map(String), key].join('.'),
          code: 'unknown_field',
          message: 'The portal does not take this field',
        }))
      : [{ field: issue.path.map(String).join('.'), code: issue.code, message: issue.message }],
  );
  throw new FieldValidationError('The request has invalid fields; see errors', issues);
}
