import { randomUUID } from 'node:crypto';
import type { CommandContext } from '@fieldstream/application';
import { type ExecutionContext, createParamDecorator } from '@nestjs/common';
import type { AuthenticatedRequest } from './authenticated-request';

const HEADER_VALUE = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * The metadata every event of this request will carry: who, when, the correlation id the client
 * sent (X-Correlation-Id) or a new one, and its Idempotency-Key.
 */
export function commandContextOf(request: AuthenticatedRequest): CommandContext {
  const correlation = request.header('x-correlation-id');
  const idempotencyKey = request.header('idempotency-key');
  return {
    actor: request.principal,
    at: new Date().toISOString(),
    correlationId: correlation && HEADER_VALUE.test(correlation) ? correlation : randomUUID(),
    ...(idempotencyKey && HEADER_VALUE.test(idempotencyKey) ? { idempotencyKey } : {}),
    extra: { client: 'api' },
  };
}

export const RequestCommandContext = createParamDecorator((_data: unknown, context: ExecutionContext) =>
  commandContextOf(context.switchToHttp().getRequest<AuthenticatedRequest>()),
);
