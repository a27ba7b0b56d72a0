import type { Principal, Role } from '@fieldstream/domain';
import type { JsonObject, RecordedEvent } from '@fieldstream/event-store';
import { changeKeyOf, changeTopicOf, mayHear } from './change-topics';

function recorded(type: string, data: JsonObject = {}): RecordedEvent {
  return {
    id: `id-${type}`,
    type,
    data,
    metadata: {
      correlationId: 'c',
      causationId: 'c',
      actorId: 'u',
      actorRole: 'dispatcher',
      occurredAt: '2026-11-27T08:00:00.000Z',
    },
    streamName: 's',
    revision: 0,
    position: 1,
    recordedAt: '2026-11-27T08:00:00.000Z',
  };
}

function principal(role: Role, binding: Partial<Principal> = {}): Principal {
  return { id: `p-${role}`, displayName: role, kind: 'user', role, ...binding };
}

describe('changeTopicOf', () => {
  it('keeps the existing topics: a master-data kind, stock, the accounts', () => {
    expect(changeTopicOf(recorded('CustomerRegistered', { kind: 'customer', code: 'ACME' }))).toEqual({
      topic: 'master-data/customers',
      projection: 'master-data',
      kind: 'customer',
    });
    expect(changeTopicOf(recorded('StockReceived'))?.topic).toBe('stock');
    expect(changeTopicOf(recorded('UserRegistered'))?.topic).toBe('users');
    expect(changeTopicOf(recorded('ApiKeyIssued'))?.topic).toBe('users');
    expect(changeTopicOf(recorded('SomethingElse'))).toBeUndefined();
  });

  it.each(['ServiceRequestOpened', 'ServiceRequestTechniciansAssigned', 'ServiceRequestClosed'])(
    'tells of %s as service-requests, once the service-requests read model shows it',
    (type) => {
      expect(changeTopicOf(recorded(type, { requestId: 'r-1' }))).toEqual({
        topic: 'service-requests',
        projection: 'service-requests',
      });
    },
  );

  it.each(['AppointmentReserved', 'AppointmentConfirmed', 'AppointmentMoved', 'AppointmentRemoved'])(
    'tells of %s as agendas, once the technician-agenda read model shows it',
    (type) => {
      expect(changeTopicOf(recorded(type, { appointmentId: 'a-1' }))).toEqual({
        topic: 'agendas',
        projection: 'technician-agenda',
      });
    },
  );
});

describe('mayHear', () => {
  const serviceRequests = { topic: 'service-requests', projection: 'service-requests' };
  const agendas = { topic: 'agendas', projection: 'technician-agenda' };

  it.each([
    ['admin', principal('admin'), true, true],
    ['dispatcher', principal('dispatcher', { unitCode: 'MI' }), true, true],
    ['manager', principal('manager', { unitCode: 'HQ' }), true, true],
    ['auditor', principal('auditor'), true, true],
    ['technician', principal('technician', { technicianCode: 'T-MI-1' }), true, true],
    ['customer', principal('customer', { customerCode: 'ACME' }), true, false],
    ['integrator', { ...principal('integrator'), kind: 'api-key' as const }, true, false],
    ['device', { ...principal('device'), kind: 'api-key' as const, assetCodes: ['SN-1'] }, false, false],
  ])('%s hears service-requests: %s, agendas: %s', (_name, who, hearsRequests, hearsAgendas) => {
    expect([mayHear(who, serviceRequests), mayHear(who, agendas)]).toEqual([hearsRequests, hearsAgendas]);
  });

  it('keeps the existing rules: accounts to administrators and auditors, master data by access', () => {
    const users = { topic: 'users', projection: 'users' };
    expect(mayHear(principal('admin'), users)).toBe(true);
    expect(mayHear(principal('dispatcher', { unitCode: 'MI' }), users)).toBe(false);
    const customers = {
      topic: 'master-data/customers',
      projection: 'master-data',
      kind: 'customer' as const,
    };
    expect(mayHear(principal('customer', { customerCode: 'ACME' }), customers)).toBe(true);
    expect(mayHear({ ...principal('device'), kind: 'api-key' }, customers)).toBe(false);
    expect(mayHear(principal('admin'), { topic: 'unknown', projection: 'x' })).toBe(false);
  });
});

describe('notification topics', () => {
  const inStream = (streamName: string, type: string, data: JsonObject = {}): RecordedEvent => ({
    ...recorded(type, data),
    streamName,
  });

  it("tells of an inbox's events as `inbox`, for its owner (from the stream), once the inbox read model shows them", () => {
    for (const type of ['NotificationReceived', 'NotificationsRead']) {
      expect(changeTopicOf(inStream('inbox-u-desk', type, { userId: 'u-desk' }))).toEqual({
        topic: 'inbox',
        projection: 'inbox',
        userId: 'u-desk',
      });
    }
    // The same types written elsewhere are nobody's inbox.
    expect(
      changeTopicOf(inStream('elsewhere-1', 'NotificationReceived', { userId: 'u-desk' })),
    ).toBeUndefined();
  });

  it.each([
    ['NotificationDeliveryScheduled', 'notification-deliveries', 'notification-deliveries'],
    ['NotificationDeliveryDead', 'notification-deliveries', 'notification-deliveries'],
    ['NotificationDeliveryRequeued', 'notification-deliveries', 'notification-deliveries'],
    ['EscalationLevelAlerted', 'escalations', 'request-escalations'],
    ['EscalationAcknowledged', 'escalations', 'request-escalations'],
  ])('tells of %s as %s, once the %s read model shows it', (type, topic, projection) => {
    expect(changeTopicOf(inStream('stream-1', type, { requestId: 'r-1', deliveryId: 'd-1' }))).toEqual({
      topic,
      projection,
    });
  });

  it('keeps escalation chains (master data) apart from requests’ escalations', () => {
    expect(
      changeTopicOf(recorded('EscalationChainRegistered', { kind: 'escalation-chain', code: 'ESC-1' }))
        ?.topic,
    ).toBe('master-data/escalation-chains');
  });

  it("lets an inbox's owner alone hear of it, whatever the others' roles", () => {
    const desk = principal('dispatcher', { id: 'u-desk', unitCode: 'MI' });
    const inbox = { topic: 'inbox', projection: 'inbox', userId: 'u-desk' };
    expect(mayHear(desk, inbox)).toBe(true);
    expect(mayHear(principal('admin'), inbox)).toBe(false);
    expect(mayHear(principal('dispatcher', { unitCode: 'MI' }), inbox)).toBe(false);
    // A machine credential that happened to share the id is not the user.
    expect(mayHear({ ...desk, kind: 'api-key' }, inbox)).toBe(false);
    // An inbox topic without its owner reaches nobody.
    expect(mayHear(desk, { topic: 'inbox', projection: 'inbox' })).toBe(false);
  });

  it('gathers each inbox apart: two users’ changes in one window are two notices', () => {
    const desk = { topic: 'inbox', projection: 'inbox', userId: 'u-desk' };
    const boss = { topic: 'inbox', projection: 'inbox', userId: 'u-boss' };
    expect(changeKeyOf(desk)).not.toBe(changeKeyOf(boss));
    expect(changeKeyOf({ topic: 'stock', projection: 'stock' })).toBe('stock');
  });

  it.each([
    ['admin', principal('admin'), true, true],
    ['auditor', principal('auditor'), true, true],
    ['dispatcher', principal('dispatcher', { unitCode: 'MI' }), false, true],
    ['manager', principal('manager', { unitCode: 'HQ' }), false, true],
    ['technician', principal('technician', { technicianCode: 'T-MI-1' }), false, false],
    ['customer', principal('customer', { customerCode: 'ACME' }), false, false],
    ['integrator', { ...principal('integrator'), kind: 'api-key' as const }, false, false],
  ])('%s hears the delivery log: %s, escalations: %s', (_name, who, hearsDeliveries, hearsEscalations) => {
    expect([
      mayHear(who, { topic: 'notification-deliveries', projection: 'notification-deliveries' }),
      mayHear(who, { topic: 'escalations', projection: 'request-escalations' }),
    ]).toEqual([hearsDeliveries, hearsEscalations]);
  });
});
