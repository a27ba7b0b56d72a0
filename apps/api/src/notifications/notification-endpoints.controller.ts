import type {
  NotificationWebhookAnswer,
  NotificationWebhookView,
  PushDeviceView,
  PushDevices,
} from '@fieldstream/api-contract';
import type { Principal } from '@fieldstream/domain';
import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { Response } from 'express';
import type { AuthenticatedRequest } from '../request/authenticated-request';
import { commandContextOf } from '../request/command-context.decorator';
import { CurrentPrincipal } from '../request/current-principal.decorator';
import {
  RemoveNotificationWebhookCommand,
  RotateNotificationWebhookSecretCommand,
  SetNotificationWebhookCommand,
} from './commands/notification-webhook.commands';
import { RegisterPushDeviceCommand, RemovePushDeviceCommand } from './commands/push-device.commands';
import { notificationPaths } from './notification-paths';
import { GetNotificationWebhookQuery, GetPushDevicesQuery } from './queries/notification-endpoints.queries';

/**
 * The signed-in user's push devices and webhook (`/me/...`): registered by the user, for the
 * user alone; the worker reads them when it delivers.
 */
@Controller()
export class NotificationEndpointsController {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly commandBus: CommandBus,
  ) {}

  @Get(notificationPaths.pushDevices)
  pushDevices(@CurrentPrincipal() principal: Principal): Promise<PushDevices> {
    return this.queryBus.execute(new GetPushDevicesQuery(principal));
  }

  /** 201 for a new subscription, 200 when this browser's was registered already. */
  @Post(notificationPaths.pushDevices)
  async registerPushDevice(
    @Body() body: unknown,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<PushDeviceView> {
    const { device, created } = await this.commandBus.execute(
      new RegisterPushDeviceCommand(commandContextOf(request), body),
    );
    response.status(created ? 201 : 200);
    return device;
  }

  @Delete(notificationPaths.pushDevice)
  @HttpCode(204)
  async removePushDevice(
    @Param('deviceId') deviceId: string,
    @Req() request: AuthenticatedRequest,
  ): Promise<void> {
    await this.commandBus.execute(new RemovePushDeviceCommand(commandContextOf(request), deviceId));
  }

  @Get(notificationPaths.webhook)
  webhook(@CurrentPrincipal() principal: Principal): Promise<NotificationWebhookAnswer> {
    return this.queryBus.execute(new GetNotificationWebhookQuery(principal));
  }

  @Put(notificationPaths.webhook)
  setWebhook(@Body() body: unknown, @Req() request: AuthenticatedRequest): Promise<NotificationWebhookView> {
    return this.commandBus.execute(new SetNotificationWebhookCommand(commandContextOf(request), body));
  }

  @Post(notificationPaths.rotateWebhookSecret)
  @HttpCode(200)
  rotateWebhookSecret(@Req() request: AuthenticatedRequest): Promise<NotificationWebhookView> {
    return this.commandBus.execute(new RotateNotificationWebhookSecretCommand(commandContextOf(request)));
  }

  @Delete(notificationPaths.webhook)
  @HttpCode(204)
  async removeWebhook(@Req() request: AuthenticatedRequest): Promise<void> {
    await this.commandBus.execute(new RemoveNotificationWebhookCommand(commandContextOf(request)));
  }
}
