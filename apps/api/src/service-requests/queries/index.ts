import { GetAssetHistoryHandler } from './get-asset-history.query';
import { GetInterventionSheetHandler } from './get-intervention-sheet.query';
import { GetServiceRequestTimelineHandler } from './get-service-request-timeline.query';
import { GetServiceRequestHandler } from './get-service-request.query';
import { GetSiteHistoryHandler } from './get-site-history.query';
import { GetTechnicianAgendaHandler } from './get-technician-agenda.query';
import { ListServiceRequestsHandler } from './list-service-requests.query';

/** Every service-request query handler, registered by the module. */
export const SERVICE_REQUEST_QUERY_HANDLERS = [
  ListServiceRequestsHandler,
  GetServiceRequestHandler,
  GetServiceRequestTimelineHandler,
  GetInterventionSheetHandler,
  GetTechnicianAgendaHandler,
  GetAssetHistoryHandler,
  GetSiteHistoryHandler,
];
