import type { InboxNotificationView, InboxPage } from '@fieldstream/api-contract';

/** A notification as the API would send it: an unread assignment about request SR-AAAAAAAA. */
export function inboxNotificationOf(
  notificationId: string,
  over: Partial<InboxNotificationView> = {},
): InboxNotificationView {
  return {
    notificationId,
    topic: 'assignment',
    severity: 'info',
    title: `Notification ${notificationId}`,
    body: 'Anna Bianchi is assigned for Tuesday 09:00.',
    requestId: 'aaaaaaaa-0000-4000-8000-000000000001',
    reference: 'SR-AAAAAAAA',
    receivedAt: '2026-11-27T08:00:00.000Z',
    readAt: null,
    ...over,
  };
}

/** A page of the inbox, its unread count taken from the notifications unless given. */
export function inboxPageOf(
  notifications: InboxNotificationView[],
  over: Partial<InboxPage> = {},
): InboxPage {
  return {
    notifications,
    unreadCount: notifications.filter((notification) => notification.readAt === null).length,
    ...over,
  };
}
