import { type ServiceRequestEvent, serviceRequestDecider } from '@fieldstream/domain';
import type { ServiceRequestAction, ServiceRequestCommandResult } from '../service-request-action';
import { checkMaterials, issueMaterials } from './closing-materials';
import { type CommandRun, commandResult, writtenUnder } from './command-run';
import { type LoadedRequest, readRequestHistory, runOnRequest } from './request-stream';

type CloseAction = Extract<ServiceRequestAction, { type: 'close' }>;
type ClosedEvent = Extract<ServiceRequestEvent, { type: 'ServiceRequestClosed' }>;

/**
 * Closes a request and issues the materials used from their warehouses. The request's rules and
 * the stock are checked first, so a refusal writes nothing; a retried close (same key) skips the
 * checks (its stock is already gone) and completes whatever issue its first attempt missed.
 */
export async function closeRequest(
  run: CommandRun,
  request: LoadedRequest,
  action: CloseAction,
  expectedVersion: number | undefined,
): Promise<ServiceRequestCommandResult> {
  const { requestId } = request;
  const command = {
    type: 'close' as const,
    at: run.context.at,
    actuals: {
      labourMinutes: action.labourMinutes,
      travelMinutes: action.travelMinutes,
      travelKm: action.travelKm,
      materials: action.materials,
      correctiveActions: action.correctiveActions,
      resolution: action.resolution,
    },
  };
  const retried = writtenUnder(request.recorded, run.context).some(
    (event) => event.type === 'ServiceRequestClosed',
  );
  if (!retried) {
    serviceRequestDecider.decide(command, request.state);
    await checkMaterials(run, command.actuals.materials);
  }
  const outcome = await runOnRequest(run, requestId, command, run.context, {
    ...(expectedVersion !== undefined ? { expectedVersion } : {}),
  });
  // Which closing of this request this is: a reopened request closes (and uses parts) again.
  const closings = (await readRequestHistory(run.events, requestId)).filter(
    (event) => event.type === 'ServiceRequestClosed',
  );
  const mine = run.context.idempotencyKey ? writtenUnder(closings, run.context).at(-1) : closings.at(-1);
  if (mine) {
    const closed = { type: mine.type, data: mine.data } as unknown as ClosedEvent;
    await issueMaterials(run, requestId, closings.indexOf(mine) + 1, closed.data.actuals.materials);
  }
  return commandResult(run, requestId, outcome.version);
}
