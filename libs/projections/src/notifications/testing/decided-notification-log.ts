import {
  type Decider,
  type DeliveryCommand,
  type EscalationCommand,
  type InboxCommand,
  deliveryDecider,
  deliveryStreamName,
  escalationDecider,
  escalationStreamName,
  inboxDecider,
  inboxStreamName,
} from '@fieldstream/domain';
import type { JsonObject, RecordedEvent } from '@fieldstream/event-store';

/** A UUID (as stores require) that says where the event sits in the log. */
const eventIdAt = (position: number) => `00000000-0000-4000-8000-${String(position).padStart(12, '0')}`;

type AnyDecider = Decider<unknown, unknown, { type: string; data: unknown }>;

/**
 * A log as a store would have recorded it, written by the real deciders of inboxes, deliveries
 * and escalations: what the projections' specifications feed them is what the notifier, the
 * delivery jobs and the escalation saga would append, never hand-made event data.
 */
export class DecidedNotificationLog {
  readonly events: RecordedEvent[] = [];
  private readonly states = new Map<string, unknown>();
  private readonly revisions = new Map<string, number>();

  inbox(userId: string, command: InboxCommand): RecordedEvent[] {
    return this.decide(inboxStreamName(userId), inboxDecider as unknown as AnyDecider, command, command.at);
  }

  delivery(deliveryId: string, command: DeliveryCommand): RecordedEvent[] {
    return this.decide(
      deliveryStreamName(deliveryId),
      deliveryDecider as unknown as AnyDecider,
      command,
      command.at,
    );
  }

  escalation(requestId: string, command: EscalationCommand): RecordedEvent[] {
    return this.decide(
      escalationStreamName(requestId),
      escalationDecider as unknown as AnyDecider,
      command,
      command.at,
    );
  }

  private decide(streamName: string, decider: AnyDecider, command: unknown, at: string): RecordedEvent[] {
    const state = this.states.has(streamName) ? this.states.get(streamName) : decider.initialState;
    const decided = decider.decide(command, state);
    this.states.set(streamName, decided.reduce(decider.evolve, state));
    return decided.map((event) => {
      const revision = (this.revisions.get(streamName) ?? -1) + 1;
      this.revisions.set(streamName, revision);
      const position = this.events.length + 1;
      const recorded: RecordedEvent = {
        id: eventIdAt(position),
        type: event.type,
        data: event.data as JsonObject,
        metadata: {
          correlationId: `correlation-${position}`,
          causationId: `correlation-${position}`,
          actorId: 'system',
          actorRole: 'admin',
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
