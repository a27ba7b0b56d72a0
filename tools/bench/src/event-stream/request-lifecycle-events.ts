import { randomUUID } from 'node:crypto';
import type { NewEvent } from '@fieldstream/event-store';

const HOUR = 3_600_000;

/**
 * One service request's life as the deciders write it (opened, accepted, assigned, on the way,
 * started, noted, closed), with payloads of the real shapes and sizes, so the stream's cost per
 * event is an integrator's.
 */
export function requestLifecycleEvents(index: number, openedAt: number): NewEvent[] {
  const requestId = randomUUID();
  const correlationId = randomUUID();
  const technicianCode = `T-${index % 97}`;
  const at = (hours: number) => new Date(openedAt + hours * HOUR).toISOString();
  const slot = {
    technicianCode,
    appointmentId: randomUUID(),
    start: at(24),
    durationMinutes: 120,
    end: at(26),
  };
  const facts: [type: string, data: Record<string, unknown>, hours: number][] = [
    [
      'ServiceRequestOpened',
      {
        source: 'desk',
        customerCode: `C-${index % 500}`,
        siteCode: `S-${index % 2000}`,
        assetCode: `SN-${index % 5000}`,
        description: 'The boiler does not start; error E04 on the display after the night cycle.',
        priority: (['critical', 'high', 'normal', 'low'] as const)[index % 4],
        conditionCodes: [],
        contact: { name: 'Anna Verdi', phone: '+39 02 1234567', email: 'anna.verdi@example.com' },
        zoneCode: `Z-${index % 40}`,
        unitCode: `U-${index % 8}`,
        explicitAcceptance: true,
      },
      0,
    ],
    ['ServiceRequestAccepted', { automatic: false, note: 'Customer called twice' }, 0.2],
    ['ServiceRequestTechniciansAssigned', { assignments: [slot], synchronized: false }, 0.5],
    ['ServiceRequestTechnicianOnTheWay', { technicianCode, etaMinutes: 25 }, 23.5],
    ['ServiceRequestWorkStarted', { technicianCode }, 24],
    ['ServiceRequestNoteAdded', { text: 'Filter clogged with limescale; the pump sounds fine.' }, 25],
    [
      'ServiceRequestClosed',
      {
        estimate: { labourMinutes: 120, technicianCodes: [technicianCode] },
        actuals: {
          labourMinutes: 90,
          travelMinutes: 30,
          travelKm: 12.5,
          materials: [{ itemCode: 'FILTER', quantity: 2, warehouseCode: `VAN-${technicianCode}` }],
          correctiveActions: ['Replaced the air filter'],
          resolution: 'Filter replaced; the boiler starts and holds pressure.',
        },
      },
      26,
    ],
  ];
  return facts.map(([type, data, hours]) => ({
    id: randomUUID(),
    type,
    data: { requestId, at: at(hours), ...data } as NewEvent['data'],
    metadata: {
      correlationId,
      causationId: randomUUID(),
      actorId: randomUUID(),
      actorRole: 'dispatcher',
      occurredAt: at(hours),
    },
  }));
}

/** A dispatcher's inbox notice of the request, as the notifier writes it: never published. */
export function inboxNotice(requestId: string, at: number): NewEvent {
  const userId = randomUUID();
  return {
    id: randomUUID(),
    type: 'NotificationReceived',
    data: {
      userId,
      at: new Date(at).toISOString(),
      notificationId: randomUUID(),
      topic: 'request-opened',
      severity: 'info',
      title: 'New request SR-' + requestId.slice(0, 8).toUpperCase(),
      body: 'The boiler does not start; error E04 on the display after the night cycle.',
      requestId,
    },
    metadata: {
      correlationId: randomUUID(),
      causationId: randomUUID(),
      actorId: 'notifier',
      actorRole: 'system',
      occurredAt: new Date(at).toISOString(),
    },
  };
}
