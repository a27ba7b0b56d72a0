import { serviceRequestPaths, type ServiceRequestAction } from '@fieldstream/api-contract';

/**
 * The technician screens' URLs: the wire contract's paths under `/api`, so a renamed resource
 * breaks the build rather than a screen on a phone in a basement.
 */
export const technicianPaths = {
  agenda: (technicianCode: string, range: { from: string; to: string }) =>
    `/api${serviceRequestPaths.agenda(technicianCode)}?${new URLSearchParams(range).toString()}`,
  sheet: (requestId: string) => `/api${serviceRequestPaths.sheet(requestId)}`,
  action: (requestId: string, action: ServiceRequestAction) =>
    `/api${serviceRequestPaths.action(requestId, action)}`,
  conditionsFound: (requestId: string) => `/api${serviceRequestPaths.conditionsFound(requestId)}`,
  notes: (requestId: string) => `/api${serviceRequestPaths.notes(requestId)}`,
  followUps: (requestId: string) => `/api${serviceRequestPaths.followUps(requestId)}`,
  masterData: (
    plural: 'conditions' | 'items' | 'warehouses' | 'technicians',
    query: Record<string, string>,
  ) => `/api/master-data/${plural}?${new URLSearchParams({ status: 'active', ...query }).toString()}`,
};
