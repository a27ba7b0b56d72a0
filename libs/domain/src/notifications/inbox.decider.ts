import type { Decider } from '../kernel/decider';
import { DomainError } from '../kernel/domain-error';
import type { NotificationTopic } from './notification-topics';

export type NotificationSeverity = 'info' | 'warning' | 'critical';

/** A notification as it sits in a user's inbox, worded in the user's language when it arrived. */
export type InboxNotification = {
  notificationId: string;
  topic: NotificationTopic;
  severity: NotificationSeverity;
  title: string;
  body: string;
  requestId?: string;
  /** The request's reference (SR-…) for lists. */
  reference?: string;
  /** The event that caused it: one notification per event and recipient. */
  sourceEventId: string;
  /** An escalation alert asks for an acknowledgement of this level. */
  escalation?: { level: number; acknowledgeBy?: string };
};

export type InboxEvent =
  | { type: 'NotificationReceived'; data: InboxNotification & { userId: string; at: string } }
  | { type: 'NotificationsRead'; data: { userId: string; at: string; notificationIds: string[] } };

export const INBOX_EVENT_TYPES: readonly InboxEvent['type'][] = ['NotificationReceived', 'NotificationsRead'];

export type InboxCommand =
  | { type: 'receive'; userId: string; at: string; notification: InboxNotification }
  | { type: 'markRead'; userId: string; at: string; notificationIds: string[] }
  | { type: 'markAllRead'; userId: string; at: string };

export type InboxState = {
  /** Unread notifications' ids, oldest first. */
  unread: string[];
  received: number;
};

/** One stream per user: `inbox-<userId>`. */
export const inboxStreamName = (userId: string) => `inbox-${userId}`;
export const INBOX_STREAM_PREFIX = 'inbox-';

/**
 * A user's inbox: notifications arrive (once each: the notifier derives the events' ids from the
 * cause and the recipient, so a repeat writes nothing) and are read. Reading what is not unread
 * changes nothing, so two devices marking the same notification read agree.
 */
export const inboxDecider: Decider<InboxState, InboxCommand, InboxEvent> = {
  initialState: { unread: [], received: 0 },
  evolve(state, event) {
    switch (event.type) {
      case 'NotificationReceived':
        return { unread: [...state.unread, event.data.notificationId], received: state.received + 1 };
      case 'NotificationsRead': {
        const read = new Set(event.data.notificationIds);
        return { ...state, unread: state.unread.filter((id) => !read.has(id)) };
      }
    }
  },
  decide(command, state) {
    switch (command.type) {
      case 'receive': {
        const n = command.notification;
        if (!n.notificationId || !n.title.trim()) {
          throw new DomainError('required', 'A notification needs an id and a title', { field: 'title' });
        }
        return [{ type: 'NotificationReceived', data: { ...n, userId: command.userId, at: command.at } }];
      }
      case 'markRead': {
        const unread = new Set(state.unread);
        const ids = [...new Set(command.notificationIds)].filter((id) => unread.has(id));
        return ids.length === 0
          ? []
          : [
              {
                type: 'NotificationsRead',
                data: { userId: command.userId, at: command.at, notificationIds: ids },
              },
            ];
      }
      case 'markAllRead':
        return state.unread.length === 0
          ? []
          : [
              {
                type: 'NotificationsRead',
                data: { userId: command.userId, at: command.at, notificationIds: [...state.unread] },
              },
            ];
    }
  },
};
