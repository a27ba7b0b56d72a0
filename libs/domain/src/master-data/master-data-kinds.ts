import type { MasterDataKind, MasterDataKindName } from './master-data-kind';
import { assetModelKind } from './kinds/asset-model.kind';
import { assetKind } from './kinds/asset.kind';
import { calendarKind } from './kinds/calendar.kind';
import { conditionKind } from './kinds/condition.kind';
import { contractKind } from './kinds/contract.kind';
import { customerKind } from './kinds/customer.kind';
import { itemKind } from './kinds/item.kind';
import { escalationChainKind } from './kinds/escalation-chain.kind';
import { maintenancePlanKind } from './kinds/maintenance-plan.kind';
import { notificationRuleKind } from './kinds/notification-rule.kind';
import { parametersKind } from './kinds/parameters.kind';
import { professionalRoleKind } from './kinds/professional-role.kind';
import { siteKind } from './kinds/site.kind';
import { skillKind } from './kinds/skill.kind';
import { technicianKind } from './kinds/technician.kind';
import { unitKind } from './kinds/unit.kind';
import { warehouseKind } from './kinds/warehouse.kind';
import { zoneKind } from './kinds/zone.kind';

/**
 * Every kind, in dependency order: a kind refers only to kinds before it, except the few
 * self- and back-references (a unit's parent, its managers) that an import resolves within the file.
 * An import of several kinds writes them in this order.
 */
export const MASTER_DATA_KINDS: readonly MasterDataKind[] = [
  calendarKind,
  unitKind,
  zoneKind,
  skillKind,
  professionalRoleKind,
  technicianKind,
  itemKind,
  warehouseKind,
  assetModelKind,
  conditionKind,
  customerKind,
  siteKind,
  assetKind,
  contractKind,
  parametersKind,
  notificationRuleKind,
  escalationChainKind,
  maintenancePlanKind,
] as readonly MasterDataKind[];

const byName = new Map(MASTER_DATA_KINDS.map((kind) => [kind.name, kind]));
const byPlural = new Map(MASTER_DATA_KINDS.map((kind) => [kind.plural, kind]));

export function masterDataKind(name: MasterDataKindName): MasterDataKind {
  const kind = byName.get(name);
  if (!kind) throw new Error(`Unknown master-data kind ${name}`);
  return kind;
}

/** The kind a URL segment or an import names (`customers`), or undefined. */
export function masterDataKindByPlural(plural: string): MasterDataKind | undefined {
  return byPlural.get(plural);
}

export function isMasterDataKindName(value: string): value is MasterDataKindName {
  return byName.has(value as MasterDataKindName);
}
