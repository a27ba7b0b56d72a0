import type { WebhookDeliveryAttempt, WebhookSubscriptionView } from '@fieldstream/api-contract';

/** A subscription as the API answers it: ERP's, active, caught up, unless told otherwise. */
export function webhookSubscriptionOf(
  id: string,
  overrides: Partial<WebhookSubscriptionView> = {},
): WebhookSubscriptionView {
  return {
    id,
    name: 'ERP: requests',
    description: 'Requests opened and closed, to the ERP',
    url: 'https://erp.example.com/hooks/fieldstream',
    eventTypes: ['io.fieldstream.service-request.closed.v1', 'io.fieldstream.service-request.opened.v1'],
    categories: ['devices'],
    status: 'active',
    paused: null,
    failing: null,
    owner: { id: 'key-erp', kind: 'api-key', name: 'ERP', role: 'integrator' },
    createdAt: '2026-11-27T08:00:00.000Z',
    updatedAt: '2026-11-27T08:00:00.000Z',
    secretRotatedAt: '2026-11-27T08:00:00.000Z',
    previousSecretValidUntil: null,
    lastReplay: null,
    version: 1,
    delivery: {
      position: 120,
      headPosition: 130,
      pendingEvents: 0,
      pendingCapped: false,
      consecutiveFailures: 0,
      failingSince: null,
      lastAttemptAt: '2026-11-27T09:00:00.000Z',
      lastSuccessAt: '2026-11-27T09:00:00.000Z',
      lastError: null,
      delivered: 40,
      refused: 1,
    },
    ...overrides,
  };
}

/** One attempt of the delivery log: a delivered event unless told otherwise. */
export function attemptOf(
  id: string,
  overrides: Partial<WebhookDeliveryAttempt> = {},
): WebhookDeliveryAttempt {
  return {
    id,
    kind: 'event',
    eventId: `event-${id}`,
    eventType: 'io.fieldstream.service-request.opened.v1',
    subject: 'service-request-f1d2c3b4-a5e6-4f70-8a91-b2c3d4e5f607',
    position: 120,
    attempt: 1,
    outcome: 'delivered',
    status: 204,
    error: null,
    durationMs: 35,
    at: '2026-11-27T09:00:00.000Z',
    ...overrides,
  };
}

/** The catalogue, cut down to what the tests pick from. */
export const EVENT_TYPES = {
  categories: [
    {
      name: 'service-requests' as const,
      title: 'Service requests',
      description: 'Each request’s life.',
      types: [
        { type: 'io.fieldstream.service-request.opened.v1', summary: 'A request was opened.' },
        { type: 'io.fieldstream.service-request.closed.v1', summary: 'A request was closed.' },
      ],
    },
    {
      name: 'devices' as const,
      title: 'Devices',
      description: 'What machines report.',
      types: [{ type: 'io.fieldstream.device.anomaly-raised.v1', summary: 'An anomaly was raised.' }],
    },
  ],
};
