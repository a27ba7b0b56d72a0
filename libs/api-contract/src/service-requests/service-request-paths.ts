/**
 * The service-request resources, relative to `/api`. The API's controllers and the SPA's client
 * build their paths from here, so a renamed path breaks the build, not a screen.
 *
 * Commands on one request (each a POST with the revision the client saw in `If-Match`):
 * accept, reject, remote-check, suspend, resume, cancel, renounce, on-the-way, start, close, reopen; and the
 * sub-resources conditions (POST, DELETE /:code), conditions-found, notes, follow-ups,
 * assignments (POST; PUT and DELETE /:technicianCode).
 */
export const SERVICE_REQUEST_ACTIONS = [
  'accept',
  'reject',
  'remote-check',
  'suspend',
  'resume',
  'cancel',
  'renounce',
  'on-the-way',
  'start',
  'close',
  'reopen',
] as const;
export type ServiceRequestAction = (typeof SERVICE_REQUEST_ACTIONS)[number];

const id = encodeURIComponent;

export const serviceRequestPaths = {
  collection: () => '/service-requests',
  one: (requestId: string) => `/service-requests/${id(requestId)}`,
  timeline: (requestId: string) => `/service-requests/${id(requestId)}/timeline`,
  sheet: (requestId: string) => `/service-requests/${id(requestId)}/sheet`,
  action: (requestId: string, action: ServiceRequestAction) => `/service-requests/${id(requestId)}/${action}`,
  conditions: (requestId: string) => `/service-requests/${id(requestId)}/conditions`,
  condition: (requestId: string, conditionCode: string) =>
    `/service-requests/${id(requestId)}/conditions/${id(conditionCode)}`,
  conditionsFound: (requestId: string) => `/service-requests/${id(requestId)}/conditions-found`,
  notes: (requestId: string) => `/service-requests/${id(requestId)}/notes`,
  followUps: (requestId: string) => `/service-requests/${id(requestId)}/follow-ups`,
  assignments: (requestId: string) => `/service-requests/${id(requestId)}/assignments`,
  assignment: (requestId: string, technicianCode: string) =>
    `/service-requests/${id(requestId)}/assignments/${id(technicianCode)}`,
  agenda: (technicianCode: string) => `/technicians/${id(technicianCode)}/agenda`,
  assetHistory: (assetCode: string) => `/assets/${id(assetCode)}/history`,
  siteHistory: (siteCode: string) => `/sites/${id(siteCode)}/history`,
} as const;
