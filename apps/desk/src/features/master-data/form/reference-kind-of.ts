import type { MasterDataKindName } from '@fieldstream/domain';

/** Field names whose referenced kind the name alone does not say. */
const EXCEPTIONS: Record<string, MasterDataKindName | null> = {
  modelCode: 'asset-model',
  modelCodes: 'asset-model',
  roleCodes: 'professional-role',
  managerCodes: 'technician',
  neighbourCodes: 'zone',
  serviceCalendarCode: 'calendar',
  accessCalendarCode: 'calendar',
  requiredSkillCodes: 'skill',
  // Not references to records: ISO codes, post codes and devices' own ids.
  countryCode: null,
  postalCode: null,
  postalCodes: null,
  deviceCode: null,
};

const KINDS: readonly MasterDataKindName[] = [
  'unit',
  'zone',
  'skill',
  'professional-role',
  'technician',
  'calendar',
  'condition',
  'customer',
  'site',
  'asset-model',
  'asset',
  'contract',
  'item',
  'warehouse',
];

/**
 * The kind a `…Code` / `…Codes` field refers to, by its name (the kinds' `references()` use the
 * same names); `parentCode` refers to the record's own kind. Undefined for anything else.
 */
export function referenceKindOf(field: string, ownKind: MasterDataKindName): MasterDataKindName | undefined {
  if (field in EXCEPTIONS) return EXCEPTIONS[field] ?? undefined;
  if (field === 'parentCode') return ownKind;
  const match = /^(.*)Codes?$/.exec(field);
  if (!match?.[1]) return undefined;
  const kebab = match[1].replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
  return KINDS.find((kind) => kind === kebab);
}
