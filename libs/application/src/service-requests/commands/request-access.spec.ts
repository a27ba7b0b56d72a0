import type { Principal } from '@fieldstream/domain';
import { FieldValidationError, ForbiddenError } from '../../errors';
import { openingSource } from './open-request';
import { actingTechnician, mayDo, mayOpen } from './request-access';

const principal = (role: Principal['role'], binding: Partial<Principal> = {}): Principal => ({
  id: role,
  displayName: role,
  kind: 'user',
  role,
  ...binding,
});

describe('who may do what to a service request', () => {
  it('lets the desk plan, technicians act on site, everyone working on it write notes', () => {
    expect(() => mayDo(principal('dispatcher'), 'assign')).not.toThrow();
    expect(() => mayDo(principal('technician'), 'assign')).toThrow(ForbiddenError);
    expect(() => mayDo(principal('technician'), 'close')).not.toThrow();
    expect(() => mayDo(principal('technician'), 'addNote')).not.toThrow();
    for (const role of ['customer', 'manager', 'auditor', 'integrator', 'device'] as const) {
      expect(() => mayDo(principal(role), 'addNote')).toThrow(ForbiddenError);
    }
  });

  it('lets the desk, customers, devices and integrations open; forces the channel where it is known', () => {
    for (const role of ['technician', 'manager', 'auditor'] as const) {
      expect(() => mayOpen(principal(role))).toThrow(ForbiddenError);
    }
    expect(openingSource(principal('customer'), 'desk')).toBe('portal');
    expect(openingSource(principal('device'), 'external')).toBe('device');
    expect(openingSource(principal('integrator'), undefined)).toBe('external');
    expect(openingSource(principal('integrator'), 'preventive')).toBe('preventive');
    expect(openingSource(principal('dispatcher'), undefined)).toBe('desk');
  });

  it('has a technician act for themselves, and the desk say for whom', () => {
    const technician = principal('technician', { technicianCode: 'T-1' });
    expect(actingTechnician(technician, undefined)).toBe('T-1');
    expect(actingTechnician(technician, 'T-1')).toBe('T-1');
    expect(() => actingTechnician(technician, 'T-2')).toThrow(ForbiddenError);
    expect(actingTechnician(principal('admin'), 'T-2')).toBe('T-2');
    expect(() => actingTechnician(principal('dispatcher'), undefined)).toThrow(FieldValidationError);
  });
});
