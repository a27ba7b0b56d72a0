import type { EventStore, RecordedEvent } from '@fieldstream/event-store';
import {
  serviceRequestsProjection,
  stockProjection,
  technicianAgendaProjection,
} from '@fieldstream/projections';
import type { ReadStore } from '@fieldstream/read-store';
import type { CommandContext } from '../../commands/command-context';
import type { MasterDataService } from '../../master-data/master-data.service';
import type { ServiceRequestCommandResult } from '../service-request-action';

export interface ServiceRequestCommandsOptions {
  events: EventStore;
  reads: ReadStore;
  masterData: MasterDataService;
  /** Fresh ids for requests and appointments when no Idempotency-Key fixes them (randomUUID). */
  newId?: () => string;
}

/** The kinds of stream a service-request command writes to, and the read model each feeds. */
const READ_MODEL_OF = {
  request: serviceRequestsProjection.name,
  schedule: technicianAgendaProjection.name,
  stock: stockProjection.name,
} as const;
export type WrittenStream = keyof typeof READ_MODEL_OF;

/**
 * The furthest global position one command wrote, overall and per kind of stream: the API waits
 * for each read model up to what was written to the streams it reads, without searching the log.
 */
export class WrittenPositions {
  last?: number;
  private readonly byStream: Partial<Record<WrittenStream, number>> = {};

  note(outcome: { position?: number }, stream: WrittenStream): void {
    const { position } = outcome;
    if (position === undefined) return;
    if (this.last === undefined || position > this.last) this.last = position;
    if ((this.byStream[stream] ?? -1) < position) this.byStream[stream] = position;
  }

  /** Each read model fed by what was written, with the position it must reach. */
  readModels(): { projection: string; position: number }[] {
    return (Object.entries(this.byStream) as [WrittenStream, number][]).map(([stream, position]) => ({
      projection: READ_MODEL_OF[stream],
      position,
    }));
  }
}

/**
 * One application command in flight: what it may use, who asks, and what it has written so far
 * (the API waits for the read models to pass `written.last`).
 */
export interface CommandRun {
  readonly events: EventStore;
  readonly reads: ReadStore;
  readonly masterData: MasterDataService;
  readonly newId: () => string;
  readonly context: CommandContext;
  readonly written: WrittenPositions;
}

/**
 * The context of one secondary step of a command (a second append to the same stream, a notice to
 * another request). Each step gets its own key derived from the client's, because events' ids
 * derive from the key and the stream: two steps on one stream under one key would look like a
 * retry of each other. A retried command then replays each step that had completed.
 */
export function stepContext(context: CommandContext, step: string): CommandContext {
  const { idempotencyKey, ...rest } = context;
  return idempotencyKey ? { ...rest, idempotencyKey: `${idempotencyKey}:${step}` } : rest;
}

/**
 * The context for schedule streams: no key, because every schedule command is idempotent by
 * itself (a reserve of the same id and times, a second release, a second confirm decide nothing),
 * while a key would replay a reservation that a compensation has since released.
 */
export function scheduleContext(context: CommandContext): CommandContext {
  const { idempotencyKey: _key, ...rest } = context;
  return rest;
}

/** The events an earlier attempt of this very command (same actor, same Idempotency-Key) wrote. */
export function writtenUnder(recorded: readonly RecordedEvent[], context: CommandContext): RecordedEvent[] {
  const key = context.idempotencyKey;
  if (!key) return [];
  return recorded.filter(
    (event) => event.metadata['idempotencyKey'] === key && event.metadata.actorId === context.actor.id,
  );
}

/** The answer to a command: where the request stands and the furthest position written. */
export function commandResult(
  run: CommandRun,
  requestId: string,
  version: number,
  extra: Pick<ServiceRequestCommandResult, 'created' | 'followUpRequestId'> = {},
): ServiceRequestCommandResult {
  return {
    requestId,
    version,
    ...(run.written.last !== undefined
      ? { position: run.written.last, readModels: run.written.readModels() }
      : {}),
    ...extra,
  };
}
