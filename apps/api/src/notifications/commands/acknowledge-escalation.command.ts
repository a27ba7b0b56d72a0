import type { RequestEscalation } from '@fieldstream/api-contract';
import { EscalationQueries } from '@fieldstream/application';
import type { Principal } from '@fieldstream/domain';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';

/** Takes a request's escalation in hand: every level alerted and not yet acknowledged. */
export class AcknowledgeEscalationCommand extends Command<RequestEscalation> {
  constructor(
    readonly principal: Principal,
    readonly requestId: string,
    readonly note: string | undefined,
  ) {
    super();
  }
}

@CommandHandler(AcknowledgeEscalationCommand)
export class AcknowledgeEscalationHandler implements ICommandHandler<AcknowledgeEscalationCommand> {
  constructor(private readonly escalations: EscalationQueries) {}

  execute({ principal, requestId, note }: AcknowledgeEscalationCommand): Promise<RequestEscalation> {
    return this.escalations.acknowledge(principal, requestId, note);
  }
}
