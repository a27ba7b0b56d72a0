import type { DeliveryLogFilters } from '../delivery-log/delivery-log-filters';

/**
 * The notification queries, each family under the live topic that makes it stale: `inbox/<userId>`
 * refetches everything under `['inbox']` (the bell's count and the list), `escalations` a request's
 * escalation (and the inbox, whose alerts say whether someone acknowledged), `notification-deliveries`
 * the delivery log. The settings are the user's own and change only when they save.
 */
export const notificationKeys = {
  inbox: () => ['inbox'] as const,
  inboxList: (unreadOnly: boolean) => ['inbox', 'list', unreadOnly ? 'unread' : 'all'] as const,
  unreadCount: () => ['inbox', 'unread-count'] as const,
  settings: () => ['notification-settings'] as const,
  escalations: () => ['escalations'] as const,
  escalation: (requestId: string) => ['escalations', requestId] as const,
  deliveries: () => ['notification-deliveries'] as const,
  deliveryLog: (filters: DeliveryLogFilters) =>
    ['notification-deliveries', filters.status ?? '', filters.channel ?? ''] as const,
};
