import { decidingDimension, isInScope, masterDataAccess, type VisibleScope } from './master-data-access';
import type { Principal } from './roles';

const dispatcher: Principal = { id: 'd', displayName: 'D', kind: 'user', role: 'dispatcher', unitCode: 'MI' };
const customer: Principal = {
  id: 'c',
  displayName: 'C',
  kind: 'user',
  role: 'customer',
  customerCode: 'ACME',
};
const technician: Principal = {
  id: 't',
  displayName: 'T',
  kind: 'user',
  role: 'technician',
  technicianCode: 'T1',
};
const visible = (partial: Partial<VisibleScope>): VisibleScope => ({
  unrestricted: false,
  units: new Set(),
  zones: new Set(),
  sites: new Set(),
  customers: new Set(),
  technicians: new Set(),
  ...partial,
});

describe('master-data access', () => {
  it('lets auditors read everything and change nothing', () => {
    const auditor: Principal = { id: 'a', displayName: 'A', kind: 'user', role: 'auditor' };
    expect(masterDataAccess(auditor, 'contract', 'read')).toBe('all');
    expect(masterDataAccess(auditor, 'contract', 'write')).toBe('none');
  });

  it('keeps customers to their own book and away from the organisation', () => {
    expect(masterDataAccess(customer, 'site', 'read')).toBe('scoped');
    expect(masterDataAccess(customer, 'technician', 'read')).toBe('none');
    expect(masterDataAccess(customer, 'asset-model', 'read')).toBe('all');
    expect(masterDataAccess(customer, 'site', 'write')).toBe('none');
  });

  it('judges a site by its zone for a centre, not by its customer', () => {
    const site = { customers: ['ACME'], sites: ['S1'], zones: ['Z-ROMA'] };
    expect(decidingDimension(dispatcher, site)).toBe('zones');
    expect(
      isInScope(dispatcher, site, visible({ customers: new Set(['ACME']), zones: new Set(['Z-MILANO']) })),
    ).toBe(false);
    expect(isInScope(dispatcher, site, visible({ zones: new Set(['Z-ROMA']) }))).toBe(true);
    expect(isInScope(customer, site, visible({ customers: new Set(['ACME']) }))).toBe(true);
    expect(isInScope(customer, site, visible({ customers: new Set(['OTHER']) }))).toBe(false);
  });

  it('shows a technician only their own record and van', () => {
    expect(
      isInScope(
        technician,
        { units: ['MI'], technicians: ['T1'] },
        visible({ technicians: new Set(['T1']) }),
      ),
    ).toBe(true);
    expect(
      isInScope(
        technician,
        { units: ['MI'], technicians: ['T2'] },
        visible({ technicians: new Set(['T1']) }),
      ),
    ).toBe(false);
    expect(isInScope(technician, { units: ['MI'] }, visible({ technicians: new Set(['T1']) }))).toBe(false);
  });
});
