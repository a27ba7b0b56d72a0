import type { MasterDataKindName, RecordScope } from '../master-data/master-data-kind';
import type { Principal, Role } from './roles';

/** How much of a kind a role may reach: everything, only what is in its scope, or nothing. */
export type Access = 'all' | 'scoped' | 'none';

const CATALOGUES: readonly MasterDataKindName[] = [
  'maintenance-plan',
  'skill',
  'professional-role',
  'condition',
  'asset-model',
  'item',
  'calendar',
  'parameters',
];
const ORGANISATION: readonly MasterDataKindName[] = ['unit', 'zone', 'technician', 'warehouse'];
const CUSTOMER_BOOK: readonly MasterDataKindName[] = ['customer', 'site', 'asset', 'contract'];
/** Who is told what: read by the desk and management (to know who hears of what), kept by admins. */
const SETTINGS: readonly MasterDataKindName[] = ['notification-rule', 'escalation-chain'];

function table(
  catalogues: Access,
  organisation: Access,
  customerBook: Access,
  overrides: Partial<Record<MasterDataKindName, Access>> = {},
  settings: Access = 'none',
): Record<MasterDataKindName, Access> {
  const entries = [
    ...SETTINGS.map((kind) => [kind, settings] as const),
    ...CATALOGUES.map((kind) => [kind, catalogues] as const),
    ...ORGANISATION.map((kind) => [kind, organisation] as const),
    ...CUSTOMER_BOOK.map((kind) => [kind, customerBook] as const),
  ];
  return { ...Object.fromEntries(entries), ...overrides } as Record<MasterDataKindName, Access>;
}

/**
 * Who may read what. Technicians see the catalogues and the organisation's shape (units, zones)
 * but among people and vans only their own; customers their own book and the models of their
 * machines; auditors and integrators everything, read-only for auditors.
 */
const READ: Record<Role, Record<MasterDataKindName, Access>> = {
  admin: table('all', 'all', 'all', {}, 'all'),
  auditor: table('all', 'all', 'all', {}, 'all'),
  integrator: table('all', 'all', 'all', {}, 'all'),
  dispatcher: table('all', 'scoped', 'scoped', {}, 'all'),
  manager: table('all', 'scoped', 'scoped', {}, 'all'),
  technician: table('all', 'scoped', 'none', { unit: 'all', zone: 'all' }),
  customer: table('none', 'none', 'scoped', { 'asset-model': 'all' }),
  device: table('none', 'none', 'none'),
};

/**
 * Who may write what. The desk keeps the customer book and calendars (leave, site closures) up to
 * date within its centre; integrators sync master data from back-office systems; admins own the rest.
 */
const WRITE: Record<Role, Record<MasterDataKindName, Access>> = {
  admin: table('all', 'all', 'all', {}, 'all'),
  integrator: table('all', 'all', 'all', { parameters: 'none' }),
  dispatcher: table('none', 'none', 'scoped', { calendar: 'all' }),
  manager: table('none', 'none', 'none'),
  auditor: table('none', 'none', 'none'),
  technician: table('none', 'none', 'none'),
  customer: table('none', 'none', 'none'),
  device: table('none', 'none', 'none'),
};

export function masterDataAccess(
  principal: Principal,
  kind: MasterDataKindName,
  action: 'read' | 'write',
): Access {
  const access = (action === 'read' ? READ : WRITE)[principal.role][kind];
  return access;
}

/**
 * What a scoped principal can see, computed by the application from the read models: the units
 * under the principal's unit, their zones, the sites in those zones and those sites' customers.
 * `unrestricted` for a principal bound to the root of the structure.
 */
export interface VisibleScope {
  unrestricted: boolean;
  units: ReadonlySet<string>;
  zones: ReadonlySet<string>;
  sites: ReadonlySet<string>;
  customers: ReadonlySet<string>;
  technicians: ReadonlySet<string>;
}

export type ScopeDimension = keyof RecordScope;

/**
 * The one dimension that decides whether a record is in a scoped principal's reach. For a
 * centre's staff the most local one the record has: a site by its zone (not by its customer,
 * whose other sites may lie in another centre), an asset by its site, a contract by its customer.
 */
export function decidingDimension(principal: Principal, scope: RecordScope): ScopeDimension | undefined {
  return scopeDimensionsOf(principal).find((dimension) => scope[dimension] !== undefined);
}

/** The dimensions a principal's scope is judged on, most local first. */
export function scopeDimensionsOf(principal: Principal): readonly ScopeDimension[] {
  if (principal.role === 'customer') return ['customers'];
  if (principal.role === 'technician') return ['technicians'];
  return ['units', 'zones', 'sites', 'customers'];
}

export function isInScope(principal: Principal, scope: RecordScope, visible: VisibleScope): boolean {
  if (visible.unrestricted) return true;
  const dimension = decidingDimension(principal, scope);
  if (dimension === undefined) return false;
  const reachable = visible[dimension];
  return (scope[dimension] ?? []).some((code) => reachable.has(code));
}
