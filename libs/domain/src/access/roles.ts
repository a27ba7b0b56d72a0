/** People's roles. A user acts in exactly one. */
export const USER_ROLES = [
  'admin',
  'dispatcher',
  'technician',
  'manager',
  'customer',
  'auditor',
  'integrator',
] as const;
export type UserRole = (typeof USER_ROLES)[number];

/** Machine credentials act as an integration (back-office systems) or as a device (M2M). */
export const MACHINE_ROLES = ['integrator', 'device'] as const;
export type MachineRole = (typeof MACHINE_ROLES)[number];

export type Role = UserRole | MachineRole;

/**
 * Who is asking. The binding says whose data a scoped role may see: a dispatcher's or manager's
 * unit (with everything below it), a customer user's customer, a technician's own record.
 */
export interface Principal {
  /** User id or API key id; becomes the events' actorId. */
  id: string;
  /** Shown in audit trails. */
  displayName: string;
  kind: 'user' | 'api-key';
  role: Role;
  unitCode?: string;
  customerCode?: string;
  technicianCode?: string;
  /** Assets a device credential may report for. */
  assetCodes?: readonly string[];
}
