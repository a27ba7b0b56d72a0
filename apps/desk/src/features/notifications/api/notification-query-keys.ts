import type { DeliveryLogFilters } from '../delivery-log/delivery-log-filters';

/**
 * The notification queries, each family under the live topic that makes it stale: `inbox/<userId>`
 * refetches everything under `['inbox']` (the bell's count and the list), `escalations` a request's
 * escalation (and the inbox, whose alerts say whether someone acknowledged), `notification-deliveries`
 * the delivery log. The settings, push devices and webhook are the user's own and change only when
 * they act; `thisBrowserPush` is what this browser itself says (permission, subscription), no API.
 */
export const notificationKeys = {
  inbox: () => ['inbox'] as const,
  inboxList: (unreadOnly: boolean) => ['inbox', 'list', unreadOnly ? 'unread' : 'all'] as const,
  unreadCount: () => ['inbox', 'unread-count'] as const,
  settings: () => ['notification-settings'] as const,
  pushDevices: () => ['push-devices'] as const,
  thisBrowserPush: () => ['push-devices', 'this-browser'] as const,
  webhook: () => ['notification-webhook'] as const,
  escalations: () => ['escalations'] as const,
  escalation: (requestId: string) => ['escalations', requestId] as const,
  deliveries: () => ['notification-deliveries'] as const,
  deliveryLog: (filters: DeliveryLogFilters) =>
    ['notification-deliveries', filters.status ?? '', filters.channel ?? ''] as const,
};
