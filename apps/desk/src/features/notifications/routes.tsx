import type { RouteObject } from 'react-router';
import { lazyScreen } from '../../shared/components/lazy-screen';

/**
 * Mounted under /app/ by the app's routes: the inbox and one's own settings for every role, the
 * delivery log for administrators and auditors (the API refuses anyone else). Each screen's code
 * loads on its first visit; only the header's bell is in the first bundle.
 */
export const notificationRoutes: RouteObject[] = [
  {
    path: 'inbox',
    ...lazyScreen(async () => (await import('./components/inbox-page')).InboxPage),
  },
  {
    path: 'settings/notifications',
    ...lazyScreen(
      async () => (await import('./components/notification-settings-page')).NotificationSettingsPage,
    ),
  },
  {
    path: 'notification-deliveries',
    ...lazyScreen(async () => (await import('./components/delivery-log-page')).DeliveryLogPage),
  },
];
