import { AuthService, type CommandContext } from '@fieldstream/application';
import type { Principal } from '@fieldstream/domain';
import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { z } from 'zod';
import { ZodValidationPipe } from '../problem/zod-validation.pipe';
import { RequestCommandContext } from '../request/command-context.decorator';
import { CurrentPrincipal } from '../request/current-principal.decorator';

const resetBody = z.object({ newPassword: z.string().max(200) }).strict();
const revokeBody = z.object({ reason: z.string().trim().min(1).max(200) }).strict();

/** Accounts and machine credentials, for administrators (auditors may list them). */
@Controller()
export class UsersController {
  constructor(private readonly auth: AuthService) {}

  @Get('users')
  list(@CurrentPrincipal() principal: Principal) {
    return this.auth.listUsers(principal);
  }

  @Post('users')
  register(@Body() body: unknown, @RequestCommandContext() context: CommandContext) {
    return this.auth.registerUser(context, body);
  }

  @Put('users/:id')
  change(@Param('id') id: string, @Body() body: unknown, @RequestCommandContext() context: CommandContext) {
    return this.auth.changeProfile(context, id, body);
  }

  @Post('users/:id/unlock')
  @HttpCode(204)
  async unlock(@Param('id') id: string, @RequestCommandContext() context: CommandContext) {
    await this.auth.adminAction(context, id, 'unlock');
  }

  @Post('users/:id/disable')
  @HttpCode(204)
  async disable(@Param('id') id: string, @RequestCommandContext() context: CommandContext) {
    await this.auth.adminAction(context, id, 'disable');
  }

  @Post('users/:id/enable')
  @HttpCode(204)
  async enable(@Param('id') id: string, @RequestCommandContext() context: CommandContext) {
    await this.auth.adminAction(context, id, 'enable');
  }

  @Post('users/:id/password')
  @HttpCode(204)
  async resetPassword(
    @Param('id') id: string,
    @Body(new ZodValidationPipe(resetBody)) body: z.infer<typeof resetBody>,
    @RequestCommandContext() context: CommandContext,
  ) {
    await this.auth.resetPassword(context, id, body.newPassword);
  }

  @Get('api-keys')
  listKeys(@CurrentPrincipal() principal: Principal) {
    return this.auth.listApiKeys(principal);
  }

  /** Answers the key once; only its hash is kept. */
  @Post('api-keys')
  issueKey(@Body() body: unknown, @RequestCommandContext() context: CommandContext) {
    return this.auth.issueApiKey(context, body);
  }

  @Post('api-keys/:id/revoke')
  @HttpCode(204)
  async revokeKey(
    @Param('id') id: string,
    @Body(new ZodValidationPipe(revokeBody)) body: z.infer<typeof revokeBody>,
    @RequestCommandContext() context: CommandContext,
  ) {
    await this.auth.revokeApiKey(context, id, body.reason);
  }
}
