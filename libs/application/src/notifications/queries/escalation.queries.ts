import type { RequestEscalation } from '@fieldstream/api-contract';
import type { Principal } from '@fieldstream/domain';
import type { EventStore } from '@fieldstream/event-store';
import {
  REQUEST_ESCALATIONS_COLLECTION,
  type RequestEscalationDocument,
  SERVICE_REQUESTS_COLLECTION,
  type ServiceRequestDocument,
  requestEscalationsProjection,
} from '@fieldstream/projections';
import type { ReadStore } from '@fieldstream/read-store';
import { waitForReadModels } from '../../commands/wait-for-projection';
import { requestNotFound } from '../../service-requests/commands/request-stream';
import {
  isWithinReach,
  refuseCustomer,
  requestReach,
} from '../../service-requests/queries/service-request-access';
import type { Escalations } from '../escalations.service';
import { userNames } from './user-names';

export interface EscalationQueriesOptions {
  events: EventStore;
  reads: ReadStore;
  escalations: Escalations;
  /** How long an acknowledgement waits for the read model to show it (read-your-writes). */
  projectionWaitMs?: number;
}

/** Who takes any alarm in hand besides the people it reached: the desk and management (as Escalations). */
const ACKNOWLEDGING_ROLES: ReadonlySet<Principal['role']> = new Set(['admin', 'manager', 'dispatcher']);

/** The fields of the request document that decide who reads it (as the request's own detail does). */
const REACH_FIELDS = { _id: 1, scope: 1, assetCode: 1 } as const;

/**
 * A request's escalation, beside the request: readable by whoever reads the request (the same
 * reach as its detail, a request out of reach answering like a missing one), and acknowledged by
 * the people it alerted, the desk or management.
 */
export class EscalationQueries {
  constructor(private readonly options: EscalationQueriesOptions) {}

  async forRequest(principal: Principal, requestId: string): Promise<RequestEscalation> {
    await this.requireReach(principal, requestId);
    const document = await this.options.reads
      .collection<RequestEscalationDocument>(REQUEST_ESCALATIONS_COLLECTION)
      .get(requestId);
    if (!document) return { requestId, chainCode: null, levels: [], canAcknowledge: false };
    const nameOf = await userNames(this.options.reads, [
      ...document.alerted,
      ...document.levels.flatMap((level) => (level.acknowledged ? [level.acknowledged.userId] : [])),
    ]);
    return {
      requestId,
      chainCode: document.chainCode,
      levels: document.levels.map((level) => ({
        level: level.level,
        percent: level.percent,
        clock: level.clock,
        cause: level.cause,
        alertedAt: level.alertedAt,
        recipients: level.recipients.map((userId) => ({ userId, displayName: nameOf(userId) })),
        channels: level.channels,
        ...(level.acknowledgeBy !== undefined && { acknowledgeBy: level.acknowledgeBy }),
        acknowledged: level.acknowledged && {
          at: level.acknowledged.at,
          userId: level.acknowledged.userId,
          displayName: nameOf(level.acknowledged.userId),
          ...(level.acknowledged.note !== undefined && { note: level.acknowledged.note }),
        },
      })),
      canAcknowledge:
        document.open && (document.alerted.includes(principal.id) || ACKNOWLEDGING_ROLES.has(principal.role)),
    };
  }

  /**
   * Takes the alarm in hand: every level alerted and not yet acknowledged. A request out of reach
   * is a 404; a reader neither alerted nor desk nor management is refused (ForbiddenError); a
   * request that never escalated is the domain's `nothing_to_acknowledge`; acknowledging again
   * changes nothing. Answers the escalation as it stands after.
   */
  async acknowledge(principal: Principal, requestId: string, note?: string): Promise<RequestEscalation> {
    await this.requireReach(principal, requestId);
    await this.options.escalations.acknowledge(principal, requestId, note);
    await waitForReadModels(
      this.options.events,
      this.options.reads,
      [requestEscalationsProjection],
      await this.options.events.headPosition(),
      this.options.projectionWaitMs ?? 5_000,
    );
    return this.forRequest(principal, requestId);
  }

  private async requireReach(principal: Principal, requestId: string): Promise<void> {
    // Who at the desk was alerted and what they noted is the service's business, not the customer's.
    refuseCustomer(principal);
    const request = await this.options.reads
      .collection<ServiceRequestDocument>(SERVICE_REQUESTS_COLLECTION)
      .findOne({ _id: requestId }, { projection: REACH_FIELDS });
    if (!request || !isWithinReach(await requestReach(this.options.reads, principal), request)) {
      throw requestNotFound(requestId);
    }
  }
}
