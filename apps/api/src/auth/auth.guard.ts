import { AuthService } from '@fieldstream/application';
import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { AuthenticatedRequest } from '../request/authenticated-request';
import { PUBLIC_ROUTE } from './public.decorator';

/**
 * Every route needs credentials unless marked @Public(). Authorisation (role and scope) is decided
 * by the application services, which know what each record is; the guard only says who asks.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (isPublic) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const { principal, sessionId } = await this.auth.authenticate(request.header('authorization'));
    request.principal = principal;
    if (sessionId) request.sessionId = sessionId;
    return true;
  }
}
