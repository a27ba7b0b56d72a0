import type { z } from 'zod';

/** The names of every master-data kind; also the stream category and the read model's suffix. */
export type MasterDataKindName =
  | 'unit'
  | 'zone'
  | 'skill'
  | 'professional-role'
  | 'technician'
  | 'calendar'
  | 'condition'
  | 'customer'
  | 'site'
  | 'asset-model'
  | 'asset'
  | 'contract'
  | 'item'
  | 'warehouse'
  | 'parameters'
  | 'notification-rule'
  | 'escalation-chain'
  | 'maintenance-plan';

/** A reference from a record to another record of some kind, by code, named by its field path. */
export interface RecordReference {
  field: string;
  kind: MasterDataKindName;
  code: string;
}

/**
 * Who a record belongs to, for authorisation by scope: a centre's dispatcher sees the records of
 * that centre's units and zones, a customer their own customer, sites, assets and contracts, a
 * technician their own record, van and calendar.
 */
export interface RecordScope {
  units?: readonly string[];
  zones?: readonly string[];
  customers?: readonly string[];
  sites?: readonly string[];
  technicians?: readonly string[];
}

/**
 * One kind of master data: what its records hold, what they refer to and who they belong to.
 * The organisation is "configured, not customised": every kind goes through the same decider,
 * projection, API, import and audit; what differs between kinds is said here.
 */
export interface MasterDataKind<Schema extends z.ZodType = z.ZodType> {
  readonly name: MasterDataKindName;
  /** The URL segment and the import's `kind` (`customers`). */
  readonly plural: string;
  /** The record without its code: validated at the edge, stored whole in every event. */
  readonly schema: Schema;
  /** References to check exist (and are not retired) before a record is written. */
  references(record: z.infer<Schema>): RecordReference[];
  /** Who the record belongs to (empty for catalogues everyone may read). */
  scope(record: z.infer<Schema>, code: string): RecordScope;
  /** Fields a list searches in (besides the code). */
  readonly searchFields: readonly string[];
  /** Fields listed by default in tables and CSV exports, in order, after the code. */
  readonly columns: readonly string[];
}

export function defineKind<Schema extends z.ZodType>(kind: MasterDataKind<Schema>): MasterDataKind<Schema> {
  return Object.freeze(kind);
}

/** Small helper for kinds' `references`: one entry per present code. */
export function refs(
  kind: MasterDataKindName,
  field: string,
  value: string | readonly string[] | undefined,
): RecordReference[] {
  if (value === undefined) return [];
  if (typeof value === 'string') return [{ field, kind, code: value }];
  return value.map((code, index) => ({ field: `${field}.${index}`, kind, code }));
}
