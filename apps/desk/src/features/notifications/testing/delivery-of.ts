import type { DeliveryLogEntry } from '@fieldstream/api-contract';

/** A delivery as the log would show it: an e-mail sent at the first attempt. */
export function deliveryOf(deliveryId: string, over: Partial<DeliveryLogEntry> = {}): DeliveryLogEntry {
  return {
    deliveryId,
    channel: 'email',
    status: 'sent',
    userId: 'user-anna',
    userName: 'Anna Bianchi',
    address: 'anna@example.test',
    topic: 'assignment',
    subject: `Subject ${deliveryId}`,
    requestId: 'aaaaaaaa-0000-4000-8000-000000000001',
    reference: 'SR-AAAAAAAA',
    scheduledAt: '2026-11-27T08:00:00.000Z',
    notBefore: '2026-11-27T08:00:00.000Z',
    attempts: [{ attempt: 1, at: '2026-11-27T08:00:05.000Z', outcome: 'sent' }],
    sentAt: '2026-11-27T08:00:05.000Z',
    ...over,
  };
}
