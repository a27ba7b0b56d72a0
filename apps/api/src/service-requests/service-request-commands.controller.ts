import {
  type ServiceRequestDetail,
  acceptBodySchema,
  assignBodySchema,
  closeBodySchema,
  conditionBodySchema,
  conditionFoundBodySchema,
  followUpBodySchema,
  noteBodySchema,
  optionalReasonBodySchema,
  reasonBodySchema,
  rejectBodySchema,
  remoteCheckBodySchema,
  renounceBodySchema,
  reopenBodySchema,
  rescheduleBodySchema,
  suspendBodySchema,
  setOutBodySchema,
  technicianActionBodySchema,
} from '@fieldstream/api-contract';
import type { ServiceRequestAction } from '@fieldstream/application';
import { Body, Controller, Delete, HttpCode, Param, Post, Put, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Response } from 'express';
import type { ZodType } from 'zod';
import type { AuthenticatedRequest } from '../request/authenticated-request';
import { commandContextOf } from '../request/command-context.decorator';
import { expectedVersionOf } from '../request/if-match';
import { ActOnServiceRequestCommand } from './commands/act-on-service-request.command';
import { ServiceRequestAnswers } from './service-request-answers';

/** A body validated by the contract's schema; no body at all reads as `{}` (commands without fields). */
function bodyOf<T>(schema: ZodType<T>, body: unknown): T {
  return schema.parse(body ?? {});
}

/**
 * The commands on one request, each a POST (PUT, DELETE for the sub-resources) that may carry the
 * version the client saw in If-Match (a stale one is a 409 naming both versions) and an
 * Idempotency-Key (a retry answers the same and writes nothing). Every one answers 200 with the
 * request as it stands after the command, and its ETag.
 */
@Controller('service-requests/:id')
export class ServiceRequestCommandsController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly answers: ServiceRequestAnswers,
  ) {}

  @Post('accept')
  @HttpCode(200)
  accept(
    @Param('id') id: string,
    @Body() body: unknown,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.act(request, response, id, { type: 'accept', ...bodyOf(acceptBodySchema, body) });
  }

  @Post('reject')
  @HttpCode(200)
  reject(
    @Param('id') id: string,
    @Body() body: unknown,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.act(request, response, id, { type: 'reject', ...bodyOf(rejectBodySchema, body) });
  }

  @Post('remote-check')
  @HttpCode(200)
  remoteCheck(
    @Param('id') id: string,
    @Body() body: unknown,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.act(request, response, id, {
      type: 'recordRemoteCheck',
      ...bodyOf(remoteCheckBodySchema, body),
    });
  }

  @Post('suspend')
  @HttpCode(200)
  suspend(
    @Param('id') id: string,
    @Body() body: unknown,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.act(request, response, id, { type: 'suspend', ...bodyOf(suspendBodySchema, body) });
  }

  @Post('resume')
  @HttpCode(200)
  resume(
    @Param('id') id: string,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.act(request, response, id, { type: 'resume' });
  }

  @Post('cancel')
  @HttpCode(200)
  cancel(
    @Param('id') id: string,
    @Body() body: unknown,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.act(request, response, id, { type: 'cancel', ...bodyOf(reasonBodySchema, body) });
  }

  @Post('renounce')
  @HttpCode(200)
  renounce(
    @Param('id') id: string,
    @Body() body: unknown,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.act(request, response, id, { type: 'renounce', ...bodyOf(renounceBodySchema, body) });
  }

  /** The technician sets out for the site (the customer is told; some contracts end the response here). */
  @Post('on-the-way')
  @HttpCode(200)
  setOut(
    @Param('id') id: string,
    @Body() body: unknown,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.act(request, response, id, { type: 'setOut', ...bodyOf(setOutBodySchema, body) });
  }

  @Post('start')
  @HttpCode(200)
  start(
    @Param('id') id: string,
    @Body() body: unknown,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.act(request, response, id, {
      type: 'startWork',
      ...bodyOf(technicianActionBodySchema, body),
    });
  }

  @Post('close')
  @HttpCode(200)
  close(
    @Param('id') id: string,
    @Body() body: unknown,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.act(request, response, id, { type: 'close', ...bodyOf(closeBodySchema, body) });
  }

  @Post('reopen')
  @HttpCode(200)
  reopen(
    @Param('id') id: string,
    @Body() body: unknown,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.act(request, response, id, { type: 'reopen', ...bodyOf(reopenBodySchema, body) });
  }

  @Post('conditions')
  @HttpCode(200)
  attachCondition(
    @Param('id') id: string,
    @Body() body: unknown,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.act(request, response, id, {
      type: 'attachCondition',
      ...bodyOf(conditionBodySchema, body),
    });
  }

  @Delete('conditions/:code')
  @HttpCode(200)
  detachCondition(
    @Param('id') id: string,
    @Param('code') code: string,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.act(request, response, id, {
      type: 'detachCondition',
      ...bodyOf(conditionBodySchema, { conditionCode: code }),
    });
  }

  @Post('conditions-found')
  @HttpCode(200)
  addConditionFound(
    @Param('id') id: string,
    @Body() body: unknown,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.act(request, response, id, {
      type: 'addConditionFound',
      ...bodyOf(conditionFoundBodySchema, body),
    });
  }

  @Post('notes')
  @HttpCode(200)
  addNote(
    @Param('id') id: string,
    @Body() body: unknown,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.act(request, response, id, { type: 'addNote', ...bodyOf(noteBodySchema, body) });
  }

  /** Answers the request it follows up (the new one is linked in `followUpRequestIds`). */
  @Post('follow-ups')
  @HttpCode(200)
  openFollowUp(
    @Param('id') id: string,
    @Body() body: unknown,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.act(request, response, id, { type: 'openFollowUp', ...bodyOf(followUpBodySchema, body) });
  }

  @Post('assignments')
  @HttpCode(200)
  assign(
    @Param('id') id: string,
    @Body() body: unknown,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.act(request, response, id, { type: 'assign', ...bodyOf(assignBodySchema, body) });
  }

  /** Moves one technician's appointment on this request (reschedule). */
  @Put('assignments/:technicianCode')
  reschedule(
    @Param('id') id: string,
    @Param('technicianCode') technicianCode: string,
    @Body() body: unknown,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.act(request, response, id, {
      type: 'reschedule',
      technicianCode,
      ...bodyOf(rescheduleBodySchema, body),
    });
  }

  /** Takes one technician off this request; the body (a reason) is optional. */
  @Delete('assignments/:technicianCode')
  @HttpCode(200)
  unassign(
    @Param('id') id: string,
    @Param('technicianCode') technicianCode: string,
    @Body() body: unknown,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.act(request, response, id, {
      type: 'unassign',
      technicianCode,
      ...bodyOf(optionalReasonBodySchema, body),
    });
  }

  private async act(
    request: AuthenticatedRequest,
    response: Response,
    requestId: string,
    action: ServiceRequestAction,
  ): Promise<ServiceRequestDetail> {
    const context = commandContextOf(request);
    const expectedVersion = expectedVersionOf(request.header('if-match'));
    const result = await this.commandBus.execute(
      new ActOnServiceRequestCommand(context, requestId, action, expectedVersion),
    );
    return this.answers.afterCommand(context.actor, result, response, { actedOnIt: true });
  }
}
