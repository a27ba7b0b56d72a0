import { z } from 'zod';

/** RFC 9457 media type; the SPA checks it before reading a problem body. */
export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** Stable problem type URIs: relative references, resolved against the API's own base URL. */
export const PROBLEM_TYPES = {
  validation: '/problems/validation',
  invalidAppend: '/problems/invalid-append',
  concurrencyConflict: '/problems/concurrency-conflict',
  notFound: '/problems/not-found',
  unauthenticated: '/problems/unauthenticated',
  forbidden: '/problems/forbidden',
  domainRule: '/problems/domain-rule',
  malformedBody: '/problems/malformed-body',
  payloadTooLarge: '/problems/payload-too-large',
  methodNotAllowed: '/problems/method-not-allowed',
  unavailable: '/problems/unavailable',
  internal: '/problems/internal',
  http: 'about:blank',
} as const;

export const fieldErrorSchema = z.object({
  /** Dotted path of the offending field (`customer.email`, `lines.2.quantity`); '' for the whole body. */
  field: z.string(),
  message: z.string(),
  code: z.string().optional(),
});
export type FieldError = z.infer<typeof fieldErrorSchema>;

/**
 * An RFC 9457 problem document. Extension members used by the API: `code` (machine-readable,
 * stable), `errors` (validation), and for conflicts `stream`, `expectedRevision`, `actualRevision`.
 */
export const problemDetailsSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int().min(400).max(599),
    detail: z.string().optional(),
    instance: z.string().optional(),
    code: z.string().optional(),
    errors: z.array(fieldErrorSchema).optional(),
    stream: z.string().optional(),
    expectedRevision: z.union([z.number(), z.string()]).optional(),
    actualRevision: z.union([z.number(), z.string()]).optional(),
  })
  .loose();
export type ProblemDetails = z.infer<typeof problemDetailsSchema>;
