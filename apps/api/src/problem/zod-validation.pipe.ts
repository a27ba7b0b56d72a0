import type { PipeTransform } from '@nestjs/common';
import type { ZodType } from 'zod';

/**
 * `@Body(new ZodValidationPipe(schema))`: parses with the shared contract schema; a ZodError
 * becomes a 400 problem listing every field (see problem-mapping).
 */
export class ZodValidationPipe<T> implements PipeTransform<unknown, T> {
  constructor(private readonly schema: ZodType<T>) {}

  transform(value: unknown): T {
    return this.schema.parse(value);
  }
}
