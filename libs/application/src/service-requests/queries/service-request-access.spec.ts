import type { Principal, VisibleScope } from '@fieldstream/domain';
import { type RequestReach, isWithinReach, reachFilter } from './service-request-access';

const visible = (partial: Partial<VisibleScope>): VisibleScope => ({
  unrestricted: false,
  units: new Set(),
  zones: new Set(),
  sites: new Set(),
  customers: new Set(),
  technicians: new Set(),
  ...partial,
});
const principal = (role: Principal['role'], binding: Partial<Principal> = {}): Principal => ({
  id: role,
  displayName: role,
  kind: 'user',
  role,
  ...binding,
});
const milan = {
  scope: {
    units: ['MI'],
    zones: ['Z-MI'],
    sites: ['S-ACME-1'],
    customers: ['ACME'],
    technicians: ['T-MI-1'],
  },
  assetCode: 'SN-ACME-1',
};
const noZone = { scope: { sites: ['S-X'], customers: ['ACME'], technicians: [] }, assetCode: undefined };

describe('service-request reach', () => {
  it('lets a centre see the requests of its units, judged by unit before customer', () => {
    const reach: RequestReach = {
      kind: 'scoped',
      principal: principal('dispatcher', { unitCode: 'MI' }),
      visible: visible({
        units: new Set(['MI']),
        zones: new Set(['Z-MI']),
        sites: new Set(['S-ACME-1']),
        customers: new Set(['ACME']),
      }),
    };
    expect(isWithinReach(reach, milan)).toBe(true);
    expect(
      isWithinReach(reach, { ...milan, scope: { ...milan.scope, units: ['RM'], zones: ['Z-RM'] } }),
    ).toBe(false);
    // Without unit or zone, the site decides: ACME is a customer of Milan, but S-X is not a Milan site.
    expect(isWithinReach(reach, noZone)).toBe(false);
    expect(reachFilter(reach)).toEqual({
      $or: [
        { 'scope.units': { $in: ['MI'] } },
        { 'scope.units': { $exists: false }, 'scope.zones': { $in: ['Z-MI'] } },
        {
          'scope.units': { $exists: false },
          'scope.zones': { $exists: false },
          'scope.sites': { $in: ['S-ACME-1'] },
        },
        {
          'scope.units': { $exists: false },
          'scope.zones': { $exists: false },
          'scope.sites': { $exists: false },
          'scope.customers': { $in: ['ACME'] },
        },
      ],
    });
  });

  it('lets a technician see what they are assigned to or worked on, and a customer their own', () => {
    const technician: RequestReach = {
      kind: 'scoped',
      principal: principal('technician', { technicianCode: 'T-MI-1' }),
      visible: visible({ technicians: new Set(['T-MI-1']) }),
    };
    expect(isWithinReach(technician, milan)).toBe(true);
    expect(isWithinReach(technician, noZone)).toBe(false);
    const customer: RequestReach = {
      kind: 'scoped',
      principal: principal('customer', { customerCode: 'BETA' }),
      visible: visible({ customers: new Set(['BETA']) }),
    };
    expect(isWithinReach(customer, milan)).toBe(false);
    expect(reachFilter(customer)).toEqual({ $or: [{ 'scope.customers': { $in: ['BETA'] } }] });
  });

  it('keeps a device to its own assets and shows everything to whoever reaches all', () => {
    const device: RequestReach = { kind: 'assets', assetCodes: new Set(['SN-ACME-1']) };
    expect(isWithinReach(device, milan)).toBe(true);
    expect(isWithinReach(device, noZone)).toBe(false);
    expect(reachFilter(device)).toEqual({ assetCode: { $in: ['SN-ACME-1'] } });
    expect(isWithinReach({ kind: 'none' }, milan)).toBe(false);
    expect(isWithinReach({ kind: 'all' }, noZone)).toBe(true);
    expect(reachFilter({ kind: 'all' })).toBeUndefined();
  });
});
