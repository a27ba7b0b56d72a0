import type { PortalStage, PortalVisit } from '@fieldstream/api-contract';
import type { ServiceRequestDocument } from '@fieldstream/projections';
import { firstNameOf } from './first-name';
import { utcInstant } from './instant';

/** Technician code → full name, as master data holds it. */
export type TechnicianNames = ReadonlyMap<string, string>;

/** The request's planned visits in start order, each with the technician's first name only. */
export function portalVisitsOf(
  assignments: ServiceRequestDocument['assignments'],
  technicians: TechnicianNames,
): PortalVisit[] {
  return [...assignments]
    .sort((a, b) => Date.parse(a.start) - Date.parse(b.start))
    .map((assignment) => {
      const firstName = firstNameOf(technicians.get(assignment.technicianCode));
      return {
        start: utcInstant(assignment.start),
        end: utcInstant(assignment.end),
        ...(firstName !== undefined && { technicianFirstName: firstName }),
        ...(assignment.departedAt !== undefined && { departedAt: utcInstant(assignment.departedAt) }),
        ...(assignment.etaMinutes !== undefined && { etaMinutes: assignment.etaMinutes }),
        ...(assignment.startedAt !== undefined && { arrivedAt: utcInstant(assignment.startedAt) }),
      };
    });
}

const VISITING_STAGES: ReadonlySet<PortalStage> = new Set(['planned', 'on-the-way', 'in-progress']);

/**
 * The visit to tell the customer about: the first one while a technician is planned, on the way
 * or at work. A request on hold or over has none (its old plan would mislead).
 */
export function nextVisitOf(stage: PortalStage, visits: readonly PortalVisit[]): PortalVisit | undefined {
  if (!VISITING_STAGES.has(stage)) return undefined;
  return visits.find((visit) => visit.arrivedAt === undefined) ?? visits[0];
}
