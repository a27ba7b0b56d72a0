import type { AssignBody, AssignmentImpact } from '@fieldstream/api-contract';
import { AssignmentImpacts } from '@fieldstream/application';
import type { Principal } from '@fieldstream/domain';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';

/** What an assignment would push aside, before anything is written (an emergency's preview). */
export class PreviewAssignmentImpactQuery extends Query<AssignmentImpact> {
  constructor(
    readonly principal: Principal,
    readonly requestId: string,
    readonly body: AssignBody,
  ) {
    super();
  }
}

@QueryHandler(PreviewAssignmentImpactQuery)
export class PreviewAssignmentImpactHandler implements IQueryHandler<PreviewAssignmentImpactQuery> {
  constructor(private readonly impacts: AssignmentImpacts) {}

  execute({ principal, requestId, body }: PreviewAssignmentImpactQuery): Promise<AssignmentImpact> {
    return this.impacts.preview(principal, requestId, body);
  }
}
