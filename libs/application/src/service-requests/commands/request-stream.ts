import {
  type ServiceRequestCommand,
  type ServiceRequestEvent,
  type ServiceRequestState,
  serviceRequestDecider,
  serviceRequestStreamName,
} from '@fieldstream/domain';
import {
  type EventStore,
  NO_STREAM,
  type RecordedEvent,
  WrongExpectedRevisionError,
} from '@fieldstream/event-store';
import type { CommandContext } from '../../commands/command-context';
import { type CommandOutcome, executeCommand } from '../../commands/execute-command';
import { NotFoundError } from '../../errors';
import { type CommandRun, writtenUnder } from './command-run';

export type OpenedData = Extract<ServiceRequestEvent, { type: 'ServiceRequestOpened' }>['data'];

/** A request as the application judges a command on it: state, opening data, raw history. */
export interface LoadedRequest {
  requestId: string;
  state: ServiceRequestState;
  /** Events in the stream (the If-Match a client sends). */
  version: number;
  /** Who the request is for and where: its scope. */
  opened: OpenedData;
  /** The history, to find what an earlier attempt of a retried command wrote. */
  recorded: RecordedEvent[];
}

const PAGE = 500;

/** The same answer for a missing request and one out of the asker's reach. */
export function requestNotFound(requestId: string): NotFoundError {
  return new NotFoundError(`There is no service request ${requestId}`, {
    kind: 'service-request',
    id: requestId,
  });
}

export async function readRequestHistory(events: EventStore, requestId: string): Promise<RecordedEvent[]> {
  const recorded: RecordedEvent[] = [];
  for (;;) {
    const page = await events.readStream(serviceRequestStreamName(requestId), {
      fromRevision: recorded.length,
      maxCount: PAGE,
    });
    recorded.push(...page);
    if (page.length < PAGE) return recorded;
  }
}

export async function loadRequest(events: EventStore, requestId: string): Promise<LoadedRequest> {
  const recorded = await readRequestHistory(events, requestId);
  const first = recorded[0];
  if (!first || first.type !== 'ServiceRequestOpened') throw requestNotFound(requestId);
  const state = recorded.reduce(
    (folded, event) => serviceRequestDecider.evolve(folded, asDomainEvent(event)),
    serviceRequestDecider.initialState,
  );
  return {
    requestId,
    state,
    version: recorded.length,
    opened: first.data as unknown as OpenedData,
    recorded,
  };
}

export function asDomainEvent(recorded: RecordedEvent): ServiceRequestEvent {
  return { type: recorded.type, data: recorded.data } as unknown as ServiceRequestEvent;
}

/** Decides and appends one command on a request's stream, noting the position written. */
export async function runOnRequest(
  run: CommandRun,
  requestId: string,
  command: ServiceRequestCommand,
  context: CommandContext = run.context,
  options: { expectedVersion?: number } = {},
): Promise<CommandOutcome<ServiceRequestEvent, ServiceRequestState>> {
  const outcome = await executeCommand(
    run.events,
    serviceRequestStreamName(requestId),
    serviceRequestDecider,
    command,
    context,
    options,
  );
  run.written.note(outcome, 'request');
  return outcome;
}

/**
 * What a request step caused: its events, or, when the step was a retry that replayed, the events
 * its first attempt wrote (read back), so the steps that follow (releasing appointments, issuing
 * stock) can complete what a crashed first attempt left undone.
 */
export async function eventsOfStep(
  run: CommandRun,
  requestId: string,
  outcome: CommandOutcome<ServiceRequestEvent, ServiceRequestState>,
  context: CommandContext = run.context,
): Promise<ServiceRequestEvent[]> {
  if (!outcome.replayed) return outcome.events;
  return writtenUnder(await readRequestHistory(run.events, requestId), context).map(asDomainEvent);
}

/**
 * For commands that write to other streams before the request's (assign, reschedule): the
 * client's If-Match is checked first, so a stale one touches no schedule. A retry of a command
 * that already went through is not stale: it answers as the first attempt did.
 */
export function checkExpectedVersion(
  request: LoadedRequest,
  context: CommandContext,
  expectedVersion: number | undefined,
): { replayed: boolean } {
  if (writtenUnder(request.recorded, context).length > 0) return { replayed: true };
  if (expectedVersion !== undefined && expectedVersion !== request.version) {
    throw new WrongExpectedRevisionError(
      serviceRequestStreamName(request.requestId),
      expectedVersion - 1,
      request.version === 0 ? NO_STREAM : request.version - 1,
    );
  }
  return { replayed: false };
}
