import { randomUUID } from 'node:crypto';
import {
  type ServiceRequestCommands,
  ServiceCalendars,
  type SlaClocks,
  slaPolicyFor,
} from '@fieldstream/application';
import {
  type ServiceRequestEvent,
  serviceLevelStreamName,
  serviceRequestDecider,
  serviceRequestStreamName,
  slaDecider,
} from '@fieldstream/domain';
import {
  type EventStore,
  type JsonObject,
  NO_STREAM,
  type NewEvent,
  type RecordedEvent,
} from '@fieldstream/event-store';
import type { ReadStore } from '@fieldstream/read-store';
import { deskContext, openingInput } from './organisation';

/** A recorded opening, typed. */
export type Opening = RecordedEvent & Extract<ServiceRequestEvent, { type: 'ServiceRequestOpened' }>;

export interface LoadOptions {
  count: number;
  /** Requests in flight at once. */
  concurrency: number;
  /** The opening instant of the index-th request: its clocks start there. */
  openedAt(index: number): number;
  /** Numbers the requests' descriptions and correlation ids after earlier loads. */
  firstIndex: number;
  onProgress?(done: number): void;
}

/** Runs `one` for indexes 0..count-1, `concurrency` at a time; answers the results by index. */
async function inTurns<T>(options: LoadOptions, one: (index: number) => Promise<T>): Promise<T[]> {
  const results = new Array<T>(options.count);
  let next = 0;
  let done = 0;
  const worker = async () => {
    for (let index = next++; index < options.count; index = next++) {
      results[index] = await one(index);
      options.onProgress?.(++done);
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency, options.count) }, worker));
  return results;
}

/**
 * Opens one request as the desk does (ServiceRequestCommands.open: master data checked, routed to
 * the site's zone and unit) and answers its opening as recorded: the model of every other opening.
 */
export async function openModelRequest(
  commands: ServiceRequestCommands,
  events: EventStore,
  at: number,
): Promise<Opening> {
  const { requestId } = await commands.open(deskContext(at, 'sla-bench-model'), openingInput(0));
  const [opened] = await events.readStream(serviceRequestStreamName(requestId), { maxCount: 1 });
  if (!opened || opened.type !== 'ServiceRequestOpened')
    throw new Error(`request ${requestId} has no opening`);
  return opened as Opening;
}

const envelope = (event: { type: string; data: unknown }, meta: NewEvent['metadata']): NewEvent => ({
  id: randomUUID(),
  type: event.type,
  data: event.data as JsonObject,
  metadata: meta,
});

/**
 * Appends one opening, decided by the request decider on the model's command (same routing,
 * contact and acceptance as the desk's `open` wrote) with its own id, time and description;
 * answers it as recorded.
 */
async function appendOpening(
  events: EventStore,
  model: Opening,
  index: number,
  at: number,
): Promise<Opening> {
  const requestId = randomUUID();
  const { requestId: _id, at: _at, description: _description, ...routing } = model.data;
  const iso = new Date(at).toISOString();
  const decided = serviceRequestDecider.decide(
    { type: 'open', ...routing, requestId, at: iso, description: openingInput(index).description },
    serviceRequestDecider.initialState,
  );
  if (decided.length !== 1) throw new Error(`an opening decided ${decided.length} events, not 1`);
  const correlationId = `sla-bench-${index}`;
  const event = envelope(decided[0]!, {
    ...model.metadata,
    correlationId,
    causationId: correlationId,
    occurredAt: iso,
  });
  const streamName = serviceRequestStreamName(requestId);
  const { position } = await events.appendToStream(streamName, [event], NO_STREAM);
  return { ...event, streamName, revision: 0, position, recordedAt: new Date().toISOString() } as Opening;
}

/**
 * Requests whose openings (decided on the model, as the bulk's) are each followed by
 * `clocks.follow` right after they are appended, as the SLA saga's follower does live: it reads
 * the covering contract and its calendar, appends SlaClocksStarted to the request's service-level
 * stream and sets the request's timer through the clocks' timer port. Answers the request ids.
 */
export async function openRequestsFollowed(
  events: EventStore,
  clocks: SlaClocks,
  model: Opening,
  options: LoadOptions,
): Promise<string[]> {
  return inTurns(options, async (index) => {
    const opening = await appendOpening(events, model, options.firstIndex + index, options.openedAt(index));
    await clocks.follow(opening);
    return opening.data.requestId;
  });
}

/**
 * The bulk of the load: each opening's service-level stream decided by the SLA decider on exactly
 * what `follow` passes it (the covering contract's policy from `slaPolicyFor` and the calendar's
 * layers from ServiceCalendars, read once: every request opens under the same contract and site),
 * so the clocks' deadlines and alarms are the real `scheduleClock`'s; no timer is set (the worker
 * sets them all again from these streams, `rederiveTimers`, which is what is measured next).
 */
export async function appendRequestsWithClocks(
  events: EventStore,
  reads: ReadStore,
  model: Opening,
  options: LoadOptions,
): Promise<string[]> {
  const lookup = await slaPolicyFor(reads, model.data);
  if (!lookup.policy) throw new Error(`no service level applies to the bench's requests: ${lookup.reason}`);
  const policy = lookup.policy;
  const calendar = await new ServiceCalendars(reads).layersFor(policy);
  return inTurns(options, async (index) => {
    const opening = await appendOpening(events, model, options.firstIndex + index, options.openedAt(index));
    const started = slaDecider.decide(
      {
        type: 'followRequest',
        requestEvent: { type: opening.type, data: opening.data },
        requestRevision: 0,
        calendar,
        policy,
      },
      slaDecider.initialState,
    );
    const requestId = opening.data.requestId;
    await events.appendToStream(
      serviceLevelStreamName(requestId),
      started.map((event) =>
        envelope(event, {
          correlationId: opening.metadata.correlationId,
          causationId: opening.id,
          actorId: 'system',
          actorRole: 'admin',
          occurredAt: opening.data.at,
        }),
      ),
      NO_STREAM,
    );
    return requestId;
  });
}
