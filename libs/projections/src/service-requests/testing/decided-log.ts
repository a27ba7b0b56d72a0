import {
  type ServiceRequestCommand,
  type ServiceRequestEvent,
  type ServiceRequestState,
  type TechnicianScheduleCommand,
  type TechnicianScheduleEvent,
  type TechnicianScheduleState,
  serviceRequestDecider,
  serviceRequestStreamName,
  technicianScheduleDecider,
} from '@fieldstream/domain';
import type { JsonObject, RecordedEvent } from '@fieldstream/event-store';

export interface Actor {
  id: string;
  name: string;
  role: string;
}

/** A UUID (as stores require) that says where the event sits in the log. */
export function eventIdAt(position: number): string {
  return `00000000-0000-4000-8000-${String(position).padStart(12, '0')}`;
}

export const DESK: Actor = { id: 'u-desk', name: 'Desk Milano', role: 'dispatcher' };

/**
 * A log as a store would have recorded it, written by the real deciders: what the projections'
 * specifications feed them is what the application would append, never hand-made event data.
 */
export class DecidedLog {
  readonly events: RecordedEvent[] = [];
  private readonly requests = new Map<string, ServiceRequestState>();
  private readonly schedules = new Map<string, TechnicianScheduleState>();
  private readonly revisions = new Map<string, number>();

  /** Decides `command` on the request's stream and records what it decided. */
  request(requestId: string, command: ServiceRequestCommand, actor: Actor = DESK): RecordedEvent[] {
    const state = this.requests.get(requestId) ?? serviceRequestDecider.initialState;
    const decided = serviceRequestDecider.decide(command, state);
    this.requests.set(requestId, decided.reduce(serviceRequestDecider.evolve, state));
    return this.record(serviceRequestStreamName(requestId), decided, actor, command.at);
  }

  /** Decides `command` on one schedule stream (named as the application pleases). */
  schedule(
    streamName: string,
    command: TechnicianScheduleCommand,
    at: string,
    actor: Actor = DESK,
  ): RecordedEvent[] {
    const state = this.schedules.get(streamName) ?? technicianScheduleDecider.initialState;
    const decided = technicianScheduleDecider.decide(command, state);
    this.schedules.set(streamName, decided.reduce(technicianScheduleDecider.evolve, state));
    return this.record(streamName, decided, actor, at);
  }

  private record(
    streamName: string,
    decided: readonly (ServiceRequestEvent | TechnicianScheduleEvent)[],
    actor: Actor,
    at: string,
  ): RecordedEvent[] {
    return decided.map((event) => {
      const revision = (this.revisions.get(streamName) ?? -1) + 1;
      this.revisions.set(streamName, revision);
      const position = this.events.length + 1;
      const recorded: RecordedEvent = {
        id: eventIdAt(position),
        type: event.type,
        data: event.data as unknown as JsonObject,
        metadata: {
          correlationId: `correlation-${position}`,
          causationId: `correlation-${position}`,
          actorId: actor.id,
          actorRole: actor.role,
          actorName: actor.name,
          occurredAt: at,
        },
        streamName,
        revision,
        position,
        recordedAt: at,
      };
      this.events.push(recorded);
      return recorded;
    });
  }
}
