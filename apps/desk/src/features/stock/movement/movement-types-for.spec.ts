import { MOVEMENT_TYPES } from '../types/movement-draft';
import { movementTypesFor } from './movement-types-for';

describe('movementTypesFor', () => {
  it('offers every movement to the office', () => {
    for (const role of ['admin', 'dispatcher', 'integrator'] as const) {
      expect(movementTypesFor({ role, binding: {} }, undefined)).toEqual(MOVEMENT_TYPES);
    }
  });

  it('lets a technician only issue and count, and only in their own van', () => {
    const tech = { role: 'technician' as const, binding: { technicianCode: 'T1' } };
    expect(movementTypesFor(tech, 'T1')).toEqual(['issue', 'count']);
    expect(movementTypesFor(tech, 'T2')).toEqual([]);
    expect(movementTypesFor(tech, undefined)).toEqual([]);
    expect(movementTypesFor({ role: 'technician', binding: {} }, undefined)).toEqual([]);
  });

  it('offers nothing to those who only read', () => {
    for (const role of ['manager', 'customer', 'auditor'] as const) {
      expect(movementTypesFor({ role, binding: {} }, undefined)).toEqual([]);
    }
    expect(movementTypesFor(undefined, undefined)).toEqual([]);
  });
});
