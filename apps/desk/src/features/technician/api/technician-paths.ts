import { serviceRequestPaths, type ServiceRequestAction } from '@fieldstream/api-contract';
import { apiPathOf } from '../../../shared/api/api-path-of';
import { masterDataPaths } from '../../master-data/api/master-data-paths';

/**
 * The technician screens' URLs: the wire contract's paths under `/api`, so a renamed resource
 * breaks the build rather than a screen on a phone in a basement.
 */
export const technicianPaths = {
  agenda: (technicianCode: string, range: { from: string; to: string }) =>
    apiPathOf(serviceRequestPaths.agenda(technicianCode), new URLSearchParams(range)),
  sheet: (requestId: string) => apiPathOf(serviceRequestPaths.sheet(requestId)),
  action: (requestId: string, action: ServiceRequestAction) =>
    apiPathOf(serviceRequestPaths.action(requestId, action)),
  conditionsFound: (requestId: string) => apiPathOf(serviceRequestPaths.conditionsFound(requestId)),
  notes: (requestId: string) => apiPathOf(serviceRequestPaths.notes(requestId)),
  followUps: (requestId: string) => apiPathOf(serviceRequestPaths.followUps(requestId)),
  /** The active records of a catalogue the technician picks from. */
  masterData: (
    plural: 'conditions' | 'items' | 'warehouses' | 'technicians',
    query: Record<string, string>,
  ) => masterDataPaths.list(plural, { status: 'active', ...query }),
};
