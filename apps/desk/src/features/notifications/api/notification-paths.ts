import { apiPathOf } from '../../../shared/api/api-path-of';

const id = encodeURIComponent;

/**
 * The notification resources (`notifications-contract.ts` describes their answers), under `/api`:
 * the signed-in user's inbox, settings, push devices and webhook (`notification-endpoints-contract.ts`),
 * a request's escalation, the delivery log.
 */
export const notificationPaths = {
  inbox: (query: URLSearchParams) => apiPathOf('/me/notifications', query),
  markRead: () => apiPathOf('/me/notifications/read'),
  settings: () => apiPathOf('/me/notification-settings'),
  pushDevices: () => apiPathOf('/me/push-devices'),
  pushDevice: (deviceId: string) => apiPathOf(`/me/push-devices/${id(deviceId)}`),
  webhook: () => apiPathOf('/me/notification-webhook'),
  rotateWebhookSecret: () => apiPathOf('/me/notification-webhook/rotate-secret'),
  escalation: (requestId: string) => apiPathOf(`/service-requests/${id(requestId)}/escalation`),
  acknowledge: (requestId: string) => apiPathOf(`/service-requests/${id(requestId)}/escalation/acknowledge`),
  deliveries: (query: URLSearchParams) => apiPathOf('/notification-deliveries', query),
  requeue: (deliveryId: string) => apiPathOf(`/notification-deliveries/${id(deliveryId)}/requeue`),
};
