import type { Principal, Role } from '@fieldstream/domain';
import type { JsonObject, RecordedEvent } from '@fieldstream/event-store';
import { changeTopicOf, mayHear } from './change-topics';

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
