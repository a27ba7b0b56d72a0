import { AuthService, type CommandContext } from '@fieldstream/application';
import { loginRequestSchema } from '@fieldstream/api-contract';
import type { Principal } from '@fieldstream/domain';
import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { z } from 'zod';
import { ZodValidationPipe } from '../problem/zod-validation.pipe';
import type { AuthenticatedRequest } from '../request/authenticated-request';
import { RequestCommandContext } from '../request/command-context.decorator';
import { CurrentPrincipal } from '../request/current-principal.decorator';
import { Public } from './public.decorator';

const changePasswordBody = z
  .object({ currentPassword: z.string().min(1).max(200), newPassword: z.string().max(200) })
  .strict();

@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  login(
    @Body(new ZodValidationPipe(loginRequestSchema)) body: z.infer<typeof loginRequestSchema>,
    @Req() request: AuthenticatedRequest,
  ) {
    return this.auth.login(
      body.username,
      body.password,
      request.header('x-correlation-id') ?? crypto.randomUUID(),
    );
  }

  @Post('logout')
  @HttpCode(204)
  async logout(
    @Req() request: AuthenticatedRequest,
    @RequestCommandContext() context: CommandContext,
  ): Promise<void> {
    await this.auth.logout(request.principal, request.sessionId, context.correlationId);
  }

  /** Who the token belongs to, as the desk shows it. */
  @Get('me')
  me(@CurrentPrincipal() principal: Principal) {
    return principal;
  }

  @Post('password')
  @HttpCode(204)
  async changePassword(
    @Body(new ZodValidationPipe(changePasswordBody)) body: z.infer<typeof changePasswordBody>,
    @CurrentPrincipal() principal: Principal,
    @RequestCommandContext() context: CommandContext,
  ): Promise<void> {
    await this.auth.changeOwnPassword(
      principal,
      body.currentPassword,
      body.newPassword,
      context.correlationId,
    );
  }
}
