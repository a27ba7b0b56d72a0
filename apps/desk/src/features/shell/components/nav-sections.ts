import type { MasterDataKindName } from '@fieldstream/domain';

/** How the side navigation groups master data; a kind the user may not read is left out. */
export const NAV_SECTIONS: readonly { id: string; kinds: readonly MasterDataKindName[] }[] = [
  {
    id: 'organisation',
    kinds: ['unit', 'zone', 'technician', 'professional-role', 'skill', 'warehouse', 'calendar'],
  },
  { id: 'customers', kinds: ['customer', 'site', 'asset', 'contract'] },
  { id: 'catalogue', kinds: ['condition', 'asset-model', 'item'] },
  { id: 'settings', kinds: ['parameters'] },
];

/** Screens other features build; listed here so the frame links them from the start. */
export const WORK_LINKS: readonly { id: string; to: string }[] = [
  { id: 'map', to: '/app/map' },
  { id: 'availability', to: '/app/availability' },
  { id: 'stock', to: '/app/stock' },
  { id: 'import', to: '/app/import' },
];
