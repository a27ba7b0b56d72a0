import {
  type DeliveryLogEntry,
  type DeliveryLogPage,
  deliveryLogQuerySchema,
} from '@fieldstream/api-contract';
import type { Principal } from '@fieldstream/domain';
import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { CurrentPrincipal } from '../request/current-principal.decorator';
import { RequeueDeliveryCommand } from './commands/requeue-delivery.command';
import { notificationPaths } from './notification-paths';
import { ReadDeliveryLogQuery } from './queries/read-delivery-log.query';

/**
 * The delivery log and its dead letters: read by administrators and auditors, a dead letter sent
 * again by an administrator. Live updates: the `notification-deliveries` topic.
 */
@Controller()
export class NotificationDeliveriesController {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly commandBus: CommandBus,
  ) {}

  /** `?status=&channel=&userId=&requestId=&before=<scheduledAt>&limit=`, newest first. */
  @Get(notificationPaths.deliveries)
  log(@Query() query: unknown, @CurrentPrincipal() principal: Principal): Promise<DeliveryLogPage> {
    return this.queryBus.execute(
      new ReadDeliveryLogQuery(principal, deliveryLogQuerySchema.parse(query ?? {})),
    );
  }

  /** A dead letter back to pending, its job set again at once; 409 `not_dead` for any other. */
  @Post(notificationPaths.requeue)
  @HttpCode(200)
  requeue(
    @Param('deliveryId') deliveryId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<DeliveryLogEntry> {
    return this.commandBus.execute(new RequeueDeliveryCommand(principal, deliveryId));
  }
}
