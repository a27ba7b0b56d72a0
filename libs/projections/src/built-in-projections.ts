import { calendarFeedsProjection } from './calendar-feeds/calendar-feeds.projection';
import { feedAppointmentsProjection } from './calendar-feeds/feed-appointments.projection';
import { devicesProjection } from './devices/devices.projection';
import { masterDataProjection } from './master-data/master-data.projection';
import { inboxProjection } from './notifications/inbox.projection';
import { notificationDeliveriesProjection } from './notifications/notification-deliveries.projection';
import { requestEscalationsProjection } from './notifications/request-escalations.projection';
import type { AnyProjection } from './projection-definition';
import { serviceRequestsProjection } from './service-requests/service-requests.projection';
import { technicianAgendaProjection } from './service-requests/technician-agenda.projection';
import { serviceLevelsProjection } from './service-levels/service-levels.projection';
import { stockProjection } from './stock/stock.projection';
import { streamCatalogueProjection } from './stream-catalogue.projection';
import { usersProjection } from './users/users.projection';
import { webhookSubscriptionsProjection } from './webhook-subscriptions/webhook-subscriptions.projection';

/** Every projection the product runs; the worker and the rebuild CLI take them from here. */
export const builtInProjections: readonly AnyProjection[] = [
  streamCatalogueProjection,
  masterDataProjection as unknown as AnyProjection,
  usersProjection as unknown as AnyProjection,
  stockProjection as unknown as AnyProjection,
  serviceRequestsProjection as unknown as AnyProjection,
  technicianAgendaProjection as unknown as AnyProjection,
  serviceLevelsProjection as unknown as AnyProjection,
  inboxProjection as unknown as AnyProjection,
  notificationDeliveriesProjection as unknown as AnyProjection,
  requestEscalationsProjection as unknown as AnyProjection,
  calendarFeedsProjection as unknown as AnyProjection,
  feedAppointmentsProjection as unknown as AnyProjection,
  devicesProjection as unknown as AnyProjection,
  webhookSubscriptionsProjection as unknown as AnyProjection,
];
