import { FieldValidationError } from '@fieldstream/application';
import type { ZodObject, z } from 'zod';

/**
 * Parses query parameters (or a body's fields) with the contract's schema, naming each unknown
 * one: zod reports them together, on no field, and a back office's typo (`form=csv`) must be
 * named, not pass for the default.
 */
export function parseParameters<Schema extends ZodObject>(schema: Schema, query: unknown): z.output<Schema> {
  const given = query !== null && typeof query === 'object' ? Object.keys(query) : [];
  const known = new Set(Object.keys(schema.shape));
  const unknown = given.filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new FieldValidationError(
      'Some parameters are not understood here',
      unknown.map((name) => ({
        field: name,
        code: 'unknown_parameter',
        message: `${name} is not understood here; expected ${[...known].join(', ')}`,
      })),
    );
  }
  return schema.parse(query ?? {});
}
