import { DomainError, serviceRequestDecider, serviceRequestReference } from '@fieldstream/domain';
import type { ServiceRequestAction, ServiceRequestCommandResult } from '../service-request-action';
import { type CommandRun, commandResult, stepContext, writtenUnder } from './command-run';
import { openRequest, openingRequestId } from './open-request';
import { type LoadedRequest, checkExpectedVersion, runOnRequest } from './request-stream';

type FollowUpAction = Extract<ServiceRequestAction, { type: 'openFollowUp' }>;

/**
 * Opens a new request for the same customer, site and asset and links it from the one it follows
 * (the new one names its parent in `followUpOf`). With an Idempotency-Key the new id derives from
 * it, so a retry finds the same follow-up. Should the parent refuse the link after the new
 * request was opened, the new one is cancelled, saying why: no orphan follow-up stays behind.
 */
export async function openFollowUp(
  run: CommandRun,
  request: LoadedRequest,
  action: FollowUpAction,
  expectedVersion: number | undefined,
): Promise<ServiceRequestCommandResult> {
  const parentId = request.requestId;
  const { replayed } = checkExpectedVersion(request, run.context, expectedVersion);
  if (replayed) {
    const linked = writtenUnder(request.recorded, run.context).find(
      (event) => event.type === 'ServiceRequestFollowUpOpened',
    );
    const followUpRequestId = linked?.data['followUpRequestId'];
    return commandResult(run, parentId, request.version, {
      ...(typeof followUpRequestId === 'string' ? { followUpRequestId } : {}),
    });
  }
  const followUpRequestId = openingRequestId(run, 'desk', undefined, 'follow-up');
  const link = {
    type: 'openFollowUp' as const,
    at: run.context.at,
    followUpRequestId,
    reason: action.reason,
  };
  // The parent must be where a follow-up may start (in progress or closed) before one is opened.
  serviceRequestDecider.decide(link, request.state);

  const parent = request.opened;
  await openRequest(
    run,
    {
      customerCode: parent.customerCode,
      siteCode: parent.siteCode,
      ...(parent.assetCode !== undefined ? { assetCode: parent.assetCode } : {}),
      description: action.description,
      priority: action.priority ?? parent.priority,
      conditionCodes: action.conditionCodes,
      contact: parent.contact,
    },
    { source: 'desk', requestId: followUpRequestId, followUpOf: parentId, checkReach: false },
  );
  try {
    const linked = await runOnRequest(run, parentId, link, run.context, {
      ...(expectedVersion !== undefined ? { expectedVersion } : {}),
    });
    return commandResult(run, parentId, linked.version, { followUpRequestId });
  } catch (error) {
    try {
      await runOnRequest(
        run,
        followUpRequestId,
        {
          type: 'cancel',
          at: run.context.at,
          reason: `${serviceRequestReference(parentId)} refused the follow-up link: ${(error as Error).message}`,
        },
        stepContext(run.context, 'follow-up-undone'),
      );
    } catch (undo) {
      if (!(undo instanceof DomainError)) throw undo;
    }
    throw error;
  }
}
