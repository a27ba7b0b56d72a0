import { type Principal, type VisibleScope } from '@fieldstream/domain';
import {
  type MasterDataDocument,
  masterDataCollection,
  masterDataProjection,
} from '@fieldstream/projections';
import type { ReadStore } from '@fieldstream/read-store';
import { unitsUnder } from './units-under';

const EMPTY = new Set<string>();

/**
 * What a scoped principal reaches, read from the master-data read models:
 * - a dispatcher or manager: the units under theirs (theirs included), those units' zones, the
 *   sites in those zones, those sites' customers; bound to the root, everything;
 * - a customer user: their customer; a technician: themselves.
 */
export async function visibleScope(reads: ReadStore, principal: Principal): Promise<VisibleScope> {
  if (principal.role === 'customer' || principal.role === 'technician' || !principal.unitCode) {
    return computeVisibleScope(reads, principal);
  }
  return unitScopeOf(reads, principal);
}

/**
 * A centre's reach is read from three collections; every command and list of its dispatchers needs
 * it. It changes only when master data does, so it is kept per unit for as long as the master-data
 * projection's checkpoint stays where it was (one cheap read instead of three scans).
 */
const unitScopes = new WeakMap<
  ReadStore,
  Map<string, { checkpoint: number | null; scope: Promise<VisibleScope> }>
>();

async function unitScopeOf(reads: ReadStore, principal: Principal): Promise<VisibleScope> {
  const checkpoint = await reads.getCheckpoint(masterDataProjection.name);
  let byUnit = unitScopes.get(reads);
  if (!byUnit) unitScopes.set(reads, (byUnit = new Map()));
  const unitCode = principal.unitCode!;
  const cached = byUnit.get(unitCode);
  if (cached && cached.checkpoint === checkpoint) return cached.scope;
  const scope = computeVisibleScope(reads, principal);
  byUnit.set(unitCode, { checkpoint, scope });
  // A failed read is not remembered: the next caller tries again.
  scope.catch(() => byUnit.delete(unitCode));
  return scope;
}

async function computeVisibleScope(reads: ReadStore, principal: Principal): Promise<VisibleScope> {
  const none = { units: EMPTY, zones: EMPTY, sites: EMPTY, customers: EMPTY, technicians: EMPTY };
  if (principal.role === 'customer') {
    return {
      ...none,
      unrestricted: false,
      customers: new Set(principal.customerCode ? [principal.customerCode] : []),
    };
  }
  if (principal.role === 'technician') {
    return {
      ...none,
      unrestricted: false,
      technicians: new Set(principal.technicianCode ? [principal.technicianCode] : []),
    };
  }
  if (!principal.unitCode) return { ...none, unrestricted: false };
  const units = await reads
    .collection<MasterDataDocument>(masterDataCollection('unit'))
    .find({}, { projection: { _id: 1, 'record.parentCode': 1, 'record.type': 1 } });
  const own = units.find((unit) => unit._id === principal.unitCode);
  if (!own) return { ...none, unrestricted: false };
  if (own.record['parentCode'] === undefined) return { ...none, unrestricted: true };
  const reach = unitsUnder(units, own._id);
  const zones = await reads
    .collection<MasterDataDocument>(masterDataCollection('zone'))
    .find({ 'scope.units': { $in: [...reach] } }, { projection: { _id: 1 } });
  const zoneCodes = new Set(zones.map((zone) => zone._id));
  const sites = await reads
    .collection<MasterDataDocument>(masterDataCollection('site'))
    .find({ 'scope.zones': { $in: [...zoneCodes] } }, { projection: { _id: 1, 'record.customerCode': 1 } });
  return {
    unrestricted: false,
    units: reach,
    zones: zoneCodes,
    sites: new Set(sites.map((site) => site._id)),
    customers: new Set(sites.map((site) => String(site.record['customerCode']))),
    technicians: EMPTY,
  };
}
