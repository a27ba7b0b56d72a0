import type { MasterDataKindName } from './master-data-kind';

/** A record as stored in events: plain JSON, the kind's schema already applied (defaults filled). */
export type MasterRecord = { [field: string]: unknown };

export interface MasterDataRegistered {
  type: `${string}Registered`;
  data: { kind: MasterDataKindName; code: string; record: MasterRecord };
}
/** Carries the whole record, not a patch: a reader of one event knows the record as it then was. */
export interface MasterDataChanged {
  type: `${string}Changed`;
  data: { kind: MasterDataKindName; code: string; record: MasterRecord; changedFields: string[] };
}
export interface MasterDataRetired {
  type: `${string}Retired`;
  data: { kind: MasterDataKindName; code: string; reason: string };
}
export interface MasterDataReinstated {
  type: `${string}Reinstated`;
  data: { kind: MasterDataKindName; code: string };
}

export type MasterDataEvent =
  MasterDataRegistered | MasterDataChanged | MasterDataRetired | MasterDataReinstated;

const SUFFIXES = ['Registered', 'Changed', 'Retired', 'Reinstated'] as const;
export type MasterDataFact = (typeof SUFFIXES)[number];

/** `professional-role` → `ProfessionalRole`: event types read like the domain (`ProfessionalRoleChanged`). */
export function kindTypePrefix(kind: MasterDataKindName): string {
  return kind
    .split('-')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}

export function masterDataEventType(kind: MasterDataKindName, fact: MasterDataFact): string {
  return `${kindTypePrefix(kind)}${fact}`;
}

/** Every event type the master data writes, for subscriptions and projections. */
export function masterDataEventTypes(kinds: readonly MasterDataKindName[]): string[] {
  return kinds.flatMap((kind) => SUFFIXES.map((fact) => masterDataEventType(kind, fact)));
}

export function masterDataFactOf(type: string): MasterDataFact | undefined {
  return SUFFIXES.find((suffix) => type.endsWith(suffix));
}
