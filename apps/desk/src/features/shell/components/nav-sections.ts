import type { MasterDataKindName, Role } from '@fieldstream/domain';

/** How the side navigation groups master data; a kind the user may not read is left out. */
export const NAV_SECTIONS: readonly { id: string; kinds: readonly MasterDataKindName[] }[] = [
  {
    id: 'organisation',
    kinds: ['unit', 'zone', 'technician', 'professional-role', 'skill', 'warehouse', 'calendar'],
  },
  { id: 'customers', kinds: ['customer', 'site', 'asset', 'contract'] },
  { id: 'catalogue', kinds: ['condition', 'asset-model', 'item', 'maintenance-plan'] },
  { id: 'settings', kinds: ['parameters', 'notification-rule', 'escalation-chain'] },
  { id: 'administration', kinds: [] },
  { id: 'integrations', kinds: [] },
];

/** The administration section's screens, after the master data of its section (if any). */
export const ADMINISTRATION_LINKS: readonly { id: string; to: string; roles: readonly Role[] }[] = [
  { id: 'users', to: '/app/users', roles: ['admin', 'auditor'] },
  { id: 'notificationDeliveries', to: '/app/notification-deliveries', roles: ['admin', 'auditor'] },
];

/** The integrations section's screens: what outside systems receive. */
export const INTEGRATION_LINKS: readonly { id: string; to: string; roles: readonly Role[] }[] = [
  { id: 'webhooks', to: '/app/integrations/webhooks', roles: ['admin', 'auditor', 'integrator'] },
];

/** Screens other features build; a link with `roles` shows only to those roles. */
export const WORK_LINKS: readonly { id: string; to: string; roles?: readonly Role[] }[] = [
  { id: 'requests', to: '/app/requests', roles: ['admin', 'dispatcher', 'manager', 'auditor', 'integrator'] },
  { id: 'board', to: '/app/board', roles: ['admin', 'dispatcher', 'manager'] },
  { id: 'agendas', to: '/app/agendas', roles: ['admin', 'dispatcher', 'manager', 'auditor'] },
  {
    id: 'serviceLevels',
    to: '/app/service-levels',
    roles: ['admin', 'manager', 'dispatcher', 'auditor'],
  },
  { id: 'preventive', to: '/app/preventive', roles: ['admin', 'manager', 'dispatcher', 'auditor'] },
  { id: 'myAgenda', to: '/app/my/agenda', roles: ['technician'] },
  { id: 'map', to: '/app/map' },
  { id: 'availability', to: '/app/availability' },
  { id: 'stock', to: '/app/stock' },
  { id: 'import', to: '/app/import' },
];
