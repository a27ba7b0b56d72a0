import attachmentsEn from '../../features/attachments/i18n/en.json';
import attachmentsIt from '../../features/attachments/i18n/it.json';
import serviceRequestsEn from '../../features/service-requests/i18n/en.json';
import serviceRequestsIt from '../../features/service-requests/i18n/it.json';
import technicianEn from '../../features/technician/i18n/en.json';
import technicianIt from '../../features/technician/i18n/it.json';
import stockEn from '../../features/stock/i18n/en.json';
import stockIt from '../../features/stock/i18n/it.json';
import availabilityEn from '../../features/availability/i18n/en.json';
import availabilityIt from '../../features/availability/i18n/it.json';
import importEn from '../../features/import/i18n/en.json';
import importIt from '../../features/import/i18n/it.json';
import mapEn from '../../features/map/i18n/en.json';
import mapIt from '../../features/map/i18n/it.json';
import authEn from '../../features/auth/i18n/en.json';
import authIt from '../../features/auth/i18n/it.json';
import masterDataEn from '../../features/master-data/i18n/en.json';
import masterDataIt from '../../features/master-data/i18n/it.json';
import shellEn from '../../features/shell/i18n/en.json';
import shellIt from '../../features/shell/i18n/it.json';
import usersEn from '../../features/users/i18n/en.json';
import usersIt from '../../features/users/i18n/it.json';
import dispatchBoardEn from '../../features/dispatch-board/i18n/en.json';
import dispatchBoardIt from '../../features/dispatch-board/i18n/it.json';
import serviceLevelsEn from '../../features/service-levels/i18n/en.json';
import serviceLevelsIt from '../../features/service-levels/i18n/it.json';
import notificationsEn from '../../features/notifications/i18n/en.json';
import notificationsIt from '../../features/notifications/i18n/it.json';
import preventiveEn from '../../features/preventive/i18n/en.json';
import preventiveIt from '../../features/preventive/i18n/it.json';
import calendarFeedsEn from '../../features/calendar-feeds/i18n/en.json';
import calendarFeedsIt from '../../features/calendar-feeds/i18n/it.json';
import devicesEn from '../../features/devices/i18n/en.json';
import devicesIt from '../../features/devices/i18n/it.json';
import portalEn from '../../features/portal/i18n/en.json';
import portalIt from '../../features/portal/i18n/it.json';
import webhooksEn from '../../features/webhook-subscriptions/i18n/en.json';
import webhooksIt from '../../features/webhook-subscriptions/i18n/it.json';
import commonEn from '../../shared/i18n/en.json';
import commonIt from '../../shared/i18n/it.json';

/** One namespace per feature, so a feature's texts live beside its code. */
export const resources = {
  en: {
    common: commonEn,
    auth: authEn,
    shell: shellEn,
    masterData: masterDataEn,
    users: usersEn,
    import: importEn,
    map: mapEn,
    availability: availabilityEn,
    stock: stockEn,
    attachments: attachmentsEn,
    serviceRequests: serviceRequestsEn,
    technician: technicianEn,
    dispatchBoard: dispatchBoardEn,
    serviceLevels: serviceLevelsEn,
    notifications: notificationsEn,
    preventive: preventiveEn,
    calendarFeeds: calendarFeedsEn,
    devices: devicesEn,
    portal: portalEn,
    webhooks: webhooksEn,
  },
  it: {
    common: commonIt,
    auth: authIt,
    shell: shellIt,
    masterData: masterDataIt,
    users: usersIt,
    import: importIt,
    map: mapIt,
    availability: availabilityIt,
    stock: stockIt,
    attachments: attachmentsIt,
    serviceRequests: serviceRequestsIt,
    technician: technicianIt,
    dispatchBoard: dispatchBoardIt,
    serviceLevels: serviceLevelsIt,
    notifications: notificationsIt,
    preventive: preventiveIt,
    calendarFeeds: calendarFeedsIt,
    devices: devicesIt,
    portal: portalIt,
    webhooks: webhooksIt,
  },
} as const;

export const NAMESPACES = [
  'common',
  'auth',
  'shell',
  'masterData',
  'users',
  'import',
  'map',
  'availability',
  'stock',
  'attachments',
  'serviceRequests',
  'technician',
  'dispatchBoard',
  'serviceLevels',
  'notifications',
  'preventive',
  'calendarFeeds',
  'devices',
  'portal',
  'webhooks',
] as const;
