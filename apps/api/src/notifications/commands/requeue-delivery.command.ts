import type { DeliveryLogEntry } from '@fieldstream/api-contract';
import { DeliveryLogQueries } from '@fieldstream/application';
import type { Principal } from '@fieldstream/domain';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';

/** Sends a dead letter again (administrators only). */
export class RequeueDeliveryCommand extends Command<DeliveryLogEntry> {
  constructor(
    readonly principal: Principal,
    readonly deliveryId: string,
  ) {
    super();
  }
}

@CommandHandler(RequeueDeliveryCommand)
export class RequeueDeliveryHandler implements ICommandHandler<RequeueDeliveryCommand> {
  constructor(private readonly log: DeliveryLogQueries) {}

  execute({ principal, deliveryId }: RequeueDeliveryCommand): Promise<DeliveryLogEntry> {
    return this.log.requeue(principal, deliveryId);
  }
}
