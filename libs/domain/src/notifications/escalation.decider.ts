import type { Decider } from '../kernel/decider';
import { DomainError } from '../kernel/domain-error';
import type { SlaClockName } from '../service-levels/sla-policy';
import type { NotificationAudience, NotificationChannel } from './notification-topics';

/** A level of a request's escalation as it was alerted: whom, how, until when to acknowledge. */
export type EscalationAlert = {
  chainCode: string;
  level: number;
  percent: number;
  clock: SlaClockName;
  audiences: NotificationAudience[];
  /** The users alerted (resolved from the audiences when it happened). */
  recipients: string[];
  channels: NotificationChannel[];
  acknowledgeBy?: string;
  /** Raised by its threshold, or because the level before was not acknowledged in time. */
  cause: 'threshold' | 'unacknowledged';
};

export type EscalationEvent =
  | { type: 'EscalationLevelAlerted'; data: EscalationAlert & { requestId: string; at: string } }
  | {
      type: 'EscalationAcknowledged';
      data: { requestId: string; at: string; userId: string; levels: number[]; note?: string };
    };

export const ESCALATION_EVENT_TYPES: readonly EscalationEvent['type'][] = [
  'EscalationLevelAlerted',
  'EscalationAcknowledged',
];

export type EscalationCommand =
  | { type: 'alert'; requestId: string; at: string; alert: EscalationAlert }
  | { type: 'acknowledge'; requestId: string; at: string; userId: string; note?: string };

export type EscalationState = {
  levels: {
    level: number;
    percent: number;
    acknowledgeBy?: number;
    acknowledged: boolean;
    recipients: string[];
  }[];
};

/** `request-escalation-<requestId>`: not `escalation-…`, which the escalation chains' own streams use. */
export const escalationStreamName = (requestId: string) => `request-escalation-${requestId}`;
export const ESCALATION_STREAM_PREFIX = 'request-escalation-';

/**
 * A request's escalation: each level of its chain alerted once; an acknowledgement covers every
 * level alerted so far (whoever answers has seen the alarm). Deciding whether a level is due, and
 * whom it reaches, is the saga's: this stream only keeps the facts straight.
 */
export const escalationDecider: Decider<EscalationState, EscalationCommand, EscalationEvent> = {
  initialState: { levels: [] },
  evolve(state, event) {
    switch (event.type) {
      case 'EscalationLevelAlerted':
        return {
          levels: [
            ...state.levels,
            {
              level: event.data.level,
              percent: event.data.percent,
              ...(event.data.acknowledgeBy !== undefined && {
                acknowledgeBy: Date.parse(event.data.acknowledgeBy),
              }),
              acknowledged: false,
              recipients: event.data.recipients,
            },
          ],
        };
      case 'EscalationAcknowledged': {
        const acknowledged = new Set(event.data.levels);
        return {
          levels: state.levels.map((level) =>
            acknowledged.has(level.level) ? { ...level, acknowledged: true } : level,
          ),
        };
      }
    }
  },
  decide(command, state) {
    switch (command.type) {
      case 'alert': {
        if (state.levels.some((level) => level.level === command.alert.level)) return [];
        if (!Number.isInteger(command.alert.level) || command.alert.level < 1) {
          throw new DomainError('invalid_level', 'Escalation levels count from 1', { field: 'level' });
        }
        return [
          {
            type: 'EscalationLevelAlerted',
            data: { ...command.alert, requestId: command.requestId, at: command.at },
          },
        ];
      }
      case 'acknowledge': {
        const open = state.levels.filter((level) => !level.acknowledged).map((level) => level.level);
        if (state.levels.length === 0) {
          throw new DomainError('nothing_to_acknowledge', 'No escalation has been raised for this request');
        }
        if (open.length === 0) return [];
        return [
          {
            type: 'EscalationAcknowledged',
            data: {
              requestId: command.requestId,
              at: command.at,
              userId: command.userId,
              levels: open,
              ...(command.note?.trim() && { note: command.note.trim() }),
            },
          },
        ];
      }
    }
  },
};

/** The earliest acknowledgement deadline still open: when the saga must look again. */
export function nextAcknowledgementDeadline(
  state: EscalationState,
): { level: number; at: number } | undefined {
  return state.levels
    .filter((level) => !level.acknowledged && level.acknowledgeBy !== undefined)
    .map((level) => ({ level: level.level, at: level.acknowledgeBy! }))
    .sort((a, b) => a.at - b.at)[0];
}
