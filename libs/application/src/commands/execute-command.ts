import { randomUUID } from 'node:crypto';
import type { Decider } from '@fieldstream/domain';
import {
  type EventStore,
  type ExpectedRevision,
  type JsonObject,
  NO_STREAM,
  type NewEvent,
  WrongExpectedRevisionError,
} from '@fieldstream/event-store';
import type { CommandContext } from './command-context';
import { nameBasedUuid } from './stream-names';
import { streamFoldCache } from './stream-fold-cache';

/** An event as deciders see it: a type and its data, no envelope. */
export interface DomainEvent {
  type: string;
  data: unknown;
}

export interface CommandOutcome<Event extends DomainEvent, State> {
  /** What this command caused; empty when it changed nothing (a repeat, an equal record). */
  events: Event[];
  /** The stream's state after the command. */
  state: State;
  /** The stream's version after the command: its number of events. */
  version: number;
  /** Global position of the last event appended, to wait for read models; absent when nothing was written. */
  position?: number;
  /**
   * True when the stream already holds what this Idempotency-Key's first attempt wrote: nothing
   * was decided again (a retried close on a closed request is the first answer, not a refusal).
   */
  replayed?: boolean;
}

export interface ExecuteOptions {
  /** The version the client last saw (If-Match); a mismatch is a 409, never silently re-decided. */
  expectedVersion?: number;
  /** Attempts when another writer got there first and the client did not pin a version. */
  maxAttempts?: number;
}

const PAGE = 500;

/**
 * Folds a stream into its state, reading only what this process has not folded yet (see
 * streamFoldCache).
 */
export async function loadStream<State, Event extends DomainEvent>(
  store: EventStore,
  streamName: string,
  decider: Pick<Decider<State, unknown, Event>, 'initialState' | 'evolve'>,
  /** An event id to look for on the way (an idempotent retry's first event). */
  lookFor?: string,
): Promise<{ state: State; version: number; found: boolean }> {
  const cached = streamFoldCache.get<State>(store, streamName, decider);
  let state = cached?.state ?? decider.initialState;
  let version = cached?.version ?? 0;
  const ids = cached?.ids ?? new Set<string>();
  for (;;) {
    const page = await store.readStream(streamName, { fromRevision: version, maxCount: PAGE });
    for (const recorded of page) {
      state = decider.evolve(state, { type: recorded.type, data: recorded.data } as Event);
      ids.add(recorded.id);
    }
    version += page.length;
    if (page.length < PAGE) break;
  }
  if (version > 0) streamFoldCache.remember(store, streamName, { decider, state, version, ids });
  return { state, version, found: lookFor !== undefined && ids.has(lookFor) };
}

/**
 * Decides a command against the stream's current state and appends what it decided with the
 * revision it decided on. When another writer got there first, it reads again and decides again:
 * the domain's rules always judge the latest state, and nothing is lost or written twice.
 */
export async function executeCommand<State, Command, Event extends DomainEvent>(
  store: EventStore,
  streamName: string,
  decider: Decider<State, Command, Event>,
  command: Command,
  context: CommandContext,
  options: ExecuteOptions = {},
): Promise<CommandOutcome<Event, State>> {
  const attempts = options.expectedVersion === undefined ? (options.maxAttempts ?? 5) : 1;
  const retryOf = context.idempotencyKey ? eventId(context, streamName, 0) : undefined;
  for (let attempt = 1; ; attempt++) {
    const { state, version, found } = await loadStream(store, streamName, decider, retryOf);
    if (found) return { events: [], state, version, replayed: true };
    if (options.expectedVersion !== undefined && options.expectedVersion !== version) {
      throw new WrongExpectedRevisionError(
        streamName,
        options.expectedVersion - 1,
        version === 0 ? NO_STREAM : version - 1,
      );
    }
    const events = decider.decide(command, state);
    if (events.length === 0) return { events, state, version };
    const expected: ExpectedRevision = version === 0 ? NO_STREAM : version - 1;
    try {
      const written = events.map((event, index) => envelope(event, index, streamName, context));
      const result = await store.appendToStream(streamName, written, expected);
      const next = events.reduce(decider.evolve, state);
      const nextVersion = result.nextExpectedRevision + 1;
      rememberAppended(store, streamName, decider, next, nextVersion, written);
      return { events, state: next, version: nextVersion, position: result.position };
    } catch (error) {
      if (!(error instanceof WrongExpectedRevisionError) || attempt >= attempts) throw error;
    }
  }
}

/**
 * What this command appended is the stream's state now (the append held the revision it decided
 * on), so the next command on the stream in this process need not read it back.
 */
function rememberAppended<State>(
  store: EventStore,
  streamName: string,
  decider: object,
  state: State,
  version: number,
  written: readonly NewEvent[],
): void {
  const base = version - written.length;
  const before = streamFoldCache.get<State>(store, streamName, decider);
  const ids = base === 0 ? new Set<string>() : before?.version === base ? before.ids : undefined;
  if (!ids) return; // folded elsewhere meanwhile: the next reader reads on from what is kept
  for (const event of written) ids.add(event.id.toLowerCase());
  streamFoldCache.remember(store, streamName, { decider, state, version, ids });
}

/** The id of a command's `index`-th event: derived from the Idempotency-Key when there is one. */
function eventId(context: CommandContext, streamName: string, index: number): string {
  return context.idempotencyKey
    ? nameBasedUuid(`${context.actor.id}:${context.idempotencyKey}:${streamName}:${index}`)
    : randomUUID();
}

function envelope(event: DomainEvent, index: number, streamName: string, context: CommandContext): NewEvent {
  return {
    id: eventId(context, streamName, index),
    type: event.type,
    data: event.data as JsonObject,
    metadata: {
      correlationId: context.correlationId,
      causationId: context.causationId ?? context.correlationId,
      actorId: context.actor.id,
      actorRole: context.actor.role,
      actorName: context.actor.displayName,
      occurredAt: context.at,
      ...(context.idempotencyKey ? { idempotencyKey: context.idempotencyKey } : {}),
      ...context.extra,
    },
  };
}
