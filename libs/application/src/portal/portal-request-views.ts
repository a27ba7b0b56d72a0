import type {
  PortalHistoryEntry,
  PortalPhoto,
  PortalRequestDetail,
  PortalRequestSummary,
  PortalStep,
} from '@fieldstream/api-contract';
import type { ServiceRequestDocument } from '@fieldstream/projections';
import type { NameIndex } from '../service-requests/queries/master-data-names';
import { FINISHED_STATUSES, portalStageOf } from './portal-stage';
import { type TechnicianNames, nextVisitOf, portalVisitsOf } from './portal-visits';

/** The names a page of the portal shows beside codes: the customer's own sites and machines. */
export interface PortalNames {
  sites: NameIndex;
  assets: NameIndex;
  technicians: TechnicianNames;
}

/**
 * A request as its customer lists it. Built field by field from the desk's document, so that
 * nothing the desk keeps (zone, centre, technicians' codes, notes, priority) can slip through.
 */
export function toPortalSummary(document: ServiceRequestDocument, names: PortalNames): PortalRequestSummary {
  const stage = portalStageOf(document);
  const siteName = names.sites.get(document.siteCode);
  const assetName = document.assetCode ? names.assets.get(document.assetCode) : undefined;
  const nextVisit = nextVisitOf(stage, portalVisitsOf(document.assignments, names.technicians));
  return {
    id: document.id,
    reference: document.reference,
    status: document.status,
    stage,
    source: document.source,
    siteCode: document.siteCode,
    ...(siteName !== undefined && { siteName }),
    ...(document.assetCode !== undefined && { assetCode: document.assetCode }),
    ...(assetName !== undefined && { assetName }),
    description: document.description,
    openedAt: document.openedAt,
    updatedAt: document.updatedAt,
    ...(document.closedAt !== undefined && { closedAt: document.closedAt }),
    ...(nextVisit !== undefined && { nextVisit }),
  };
}

/** What was done, once it was: the technician's resolution, or how the desk solved it remotely. */
function outcomeOf(document: ServiceRequestDocument): PortalRequestDetail['outcome'] {
  if (document.closure) return { at: document.closure.at, resolution: document.closure.resolution };
  if (document.remoteResolution !== undefined && document.closedAt !== undefined)
    return { at: document.closedAt, resolution: document.remoteResolution };
  return undefined;
}

/** A request in an asset's service history: the visits made and what came of them. */
export function toPortalHistoryEntry(
  document: ServiceRequestDocument,
  names: PortalNames,
): PortalHistoryEntry {
  const outcome = outcomeOf(document);
  return {
    ...toPortalSummary(document, names),
    visits: portalVisitsOf(document.assignments, names.technicians),
    ...(outcome !== undefined && { outcome }),
  };
}

export interface PortalDetailParts {
  steps: PortalStep[];
  reportedConditions: PortalRequestDetail['reportedConditions'];
  photos: PortalPhoto[];
}

/** The request's page in the portal. */
export function toPortalDetail(
  document: ServiceRequestDocument,
  names: PortalNames,
  parts: PortalDetailParts,
): PortalRequestDetail {
  const over = FINISHED_STATUSES.has(document.status);
  const outcome = outcomeOf(document);
  return {
    ...toPortalSummary(document, names),
    visits: portalVisitsOf(document.assignments, names.technicians),
    reportedConditions: parts.reportedConditions,
    ...(document.contact?.name !== undefined && { contactName: document.contact.name }),
    steps: parts.steps,
    ...(outcome !== undefined && { outcome }),
    photos: parts.photos,
    canComment: !over,
    canAddPhotos: !over,
    version: document.version,
  };
}
