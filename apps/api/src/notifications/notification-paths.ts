/** Where notifications are read and acted on, relative to `/api` (Nest's path syntax). */
export const notificationPaths = {
  inbox: '/me/notifications',
  markRead: '/me/notifications/read',
  settings: '/me/notification-settings',
  pushDevices: '/me/push-devices',
  pushDevice: '/me/push-devices/:deviceId',
  webhook: '/me/notification-webhook',
  rotateWebhookSecret: '/me/notification-webhook/rotate-secret',
  escalation: '/service-requests/:id/escalation',
  acknowledge: '/service-requests/:id/escalation/acknowledge',
  deliveries: '/notification-deliveries',
  requeue: '/notification-deliveries/:deliveryId/requeue',
} as const;
