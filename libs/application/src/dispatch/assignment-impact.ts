import type { AssignBody, AssignmentImpact, DisplacedAppointmentView } from '@fieldstream/api-contract';
import {
  type Principal,
  type ScheduledAppointment,
  type Site,
  bookingInterval,
  conflictsWith,
  schedulePeriodsOf,
  serviceRequestReference,
  technicianScheduleDecider,
} from '@fieldstream/domain';
import type { EventStore } from '@fieldstream/event-store';
import {
  type MasterDataDocument,
  SERVICE_REQUESTS_COLLECTION,
  type ServiceRequestDocument,
  masterDataCollection,
} from '@fieldstream/projections';
import type { ReadStore } from '@fieldstream/read-store';
import { loadStream } from '../commands/execute-command';
import { technicianScheduleStreamName } from '../commands/stream-names';
import { namesOf } from '../service-requests/queries/master-data-names';
import { plannedRequest } from './planning-access';
import { planningParameters } from './planning-parameters';
import { restorationDeadline } from './restoration-deadline';

const MINUTE = 60_000;
const DEFAULT_TIME_ZONE = 'Europe/Rome';

export interface AssignmentImpactsOptions {
  events: EventStore;
  reads: ReadStore;
  /** The clock; a test's fixed one at the edge. */
  now?: () => Date;
}

/**
 * The impact preview of an emergency: what an assignment would push aside, read from the
 * technicians' schedule streams (the same truth the assignment itself will be judged on), with
 * each displaced request's service level and who would be told. Writes nothing; confirming is the
 * assignment with `displace` naming what the preview listed, decided as one operation.
 */
export class AssignmentImpacts {
  constructor(private readonly options: AssignmentImpactsOptions) {}

  async preview(principal: Principal, requestId: string, body: AssignBody): Promise<AssignmentImpact> {
    const { reads, events } = this.options;
    await plannedRequest(reads, principal, requestId);
    const requests = reads.collection<ServiceRequestDocument>(SERVICE_REQUESTS_COLLECTION);

    // Every appointment in the way, per technician, in every week each booking touches.
    const inTheWay = new Map<string, ScheduledAppointment & { technicianCode: string }>();
    for (const slot of body.assignments) {
      const interval = bookingInterval(slot.start, slot.durationMinutes);
      for (const period of schedulePeriodsOf(slot.start, slot.durationMinutes)) {
        const { state } = await loadStream(
          events,
          technicianScheduleStreamName(slot.technicianCode, period),
          technicianScheduleDecider,
        );
        for (const appointment of conflictsWith(state, undefined, interval)) {
          if (appointment.requestId === requestId) continue; // its own booking is a reschedule, not a displacement
          inTheWay.set(appointment.appointmentId, { ...appointment, technicianCode: slot.technicianCode });
        }
      }
    }
    const named = new Map((body.displace ?? []).map((d) => [d.appointmentId, d.action]));
    const appointments = [...inTheWay.values()].sort((a, b) => (a.start < b.start ? -1 : 1));
    const displacedRequests = await requests.find(
      { _id: { $in: [...new Set(appointments.map((a) => a.requestId))] } },
      { projection: { searchTerms: 0 } },
    );
    const requestBy = new Map(displacedRequests.map((document) => [document._id, document]));
    const [customers, sites, technicians, warningMinutes] = await Promise.all([
      namesOf(
        reads,
        'customer',
        displacedRequests.map((d) => d.customerCode),
      ),
      namesOf(
        reads,
        'site',
        displacedRequests.map((d) => d.siteCode),
      ),
      namesOf(
        reads,
        'technician',
        displacedRequests.flatMap((d) => d.assignments.map((a) => a.technicianCode)),
      ),
      planningParameters(reads).then((parameters) => parameters.slaWarningMinutes),
    ]);
    const now = (this.options.now?.() ?? new Date()).getTime();

    const displaced = await Promise.all(
      appointments.map(async (appointment): Promise<DisplacedAppointmentView> => {
        const other = requestBy.get(appointment.requestId);
        const action = named.get(appointment.appointmentId);
        const deadline = other ? await this.deadlineOf(other) : undefined;
        return {
          technicianCode: appointment.technicianCode,
          appointmentId: appointment.appointmentId,
          requestId: appointment.requestId,
          reference: serviceRequestReference(appointment.requestId),
          start: appointment.start,
          end: appointment.end,
          ...(other && { priority: other.priority }),
          ...(other &&
            customers.has(other.customerCode) && { customerName: customers.get(other.customerCode)! }),
          ...(other && sites.has(other.siteCode) && { siteName: sites.get(other.siteCode)! }),
          ...(action && { action }),
          ...(deadline !== undefined && { deadline: new Date(deadline).toISOString() }),
          slaRisk:
            deadline === undefined
              ? 'none'
              : deadline < now
                ? 'breached'
                : deadline - now <= warningMinutes * MINUTE
                  ? 'at_risk'
                  : 'ok',
          notified: [
            ...[...new Set((other?.assignments ?? []).map((a) => a.technicianCode))].map((code) => ({
              kind: 'technician' as const,
              code,
              ...(technicians.has(code) && { name: technicians.get(code)! }),
            })),
            ...(other?.unitCode ? [{ kind: 'desk' as const, unitCode: other.unitCode }] : []),
          ],
        };
      }),
    );
    return {
      clear: displaced.length === 0,
      unnamed: displaced.filter((d) => d.action === undefined).length,
      displaced,
    };
  }

  private async deadlineOf(request: ServiceRequestDocument): Promise<number | undefined> {
    const site = await this.options.reads
      .collection<MasterDataDocument>(masterDataCollection('site'))
      .get(request.siteCode);
    const timeZone = (site?.record as Site | undefined)?.timeZone ?? DEFAULT_TIME_ZONE;
    return restorationDeadline(
      this.options.reads,
      { customerCode: request.customerCode, siteCode: request.siteCode, assetCode: request.assetCode },
      request.priority,
      request.openedAt,
      timeZone,
    );
  }
}
