import type { BoardAppointment } from '@fieldstream/api-contract';
import type { Principal } from '@fieldstream/domain';
import {
  SERVICE_REQUESTS_COLLECTION,
  type ServiceRequestDocument,
  TECHNICIAN_AGENDA_COLLECTION,
  type TechnicianAgendaDocument,
} from '@fieldstream/projections';
import type { ReadStore } from '@fieldstream/read-store';
import { findInBatches } from '../read-models/find-in-batches';
import { oneCopyPerAppointment } from '../service-requests/queries/agenda-appointments';
import { namesOf } from '../service-requests/queries/master-data-names';
import { isWithinReach, requestReach } from '../service-requests/queries/service-request-access';

/** What a board says of a request: the document's fields it reads, and nothing more is fetched. */
const REQUEST_FIELDS = {
  _id: 1,
  reference: 1,
  status: 1,
  priority: 1,
  version: 1,
  customerCode: 1,
  siteCode: 1,
  assetCode: 1,
  scope: 1,
  assignments: 1,
} as const;

/**
 * Every appointment of the given technicians overlapping [from, to), one per appointment, in order
 * of start; each with its request's words when the asker reaches the request, else the busy time
 * alone (a centre's technician lent to another centre's job). Reads go by batches of ids, never
 * one per row: the board's whole point is not to be 300 agendas.
 */
export async function loadBoardAppointments(
  reads: ReadStore,
  principal: Principal,
  technicianCodes: readonly string[],
  window: { from: string; to: string },
): Promise<BoardAppointment[]> {
  if (technicianCodes.length === 0) return [];
  const [stored, reach] = await Promise.all([
    findInBatches(
      reads.collection<TechnicianAgendaDocument>(TECHNICIAN_AGENDA_COLLECTION),
      'technicianCode',
      technicianCodes,
      { start: { $lt: window.to }, end: { $gt: window.from } },
    ),
    requestReach(reads, principal),
  ]);
  const appointments = oneCopyPerAppointment(stored);
  const requestIds = [...new Set(appointments.map((appointment) => appointment.requestId))];
  const requests = (
    await findInBatches(
      reads.collection<ServiceRequestDocument>(SERVICE_REQUESTS_COLLECTION),
      '_id',
      requestIds,
      {},
      { projection: REQUEST_FIELDS },
    )
  ).filter((request) => isWithinReach(reach, request));
  const [customers, sites] = await Promise.all([
    namesOf(
      reads,
      'customer',
      requests.map((request) => request.customerCode),
    ),
    namesOf(
      reads,
      'site',
      requests.map((request) => request.siteCode),
    ),
  ]);
  const byId = new Map(requests.map((request) => [request._id, request]));

  return appointments.map((appointment): BoardAppointment => {
    const request = byId.get(appointment.requestId);
    const customerName = request && customers.get(request.customerCode);
    const siteName = request && sites.get(request.siteCode);
    return {
      appointmentId: appointment.appointmentId,
      technicianCode: appointment.technicianCode,
      requestId: appointment.requestId,
      start: appointment.start,
      end: appointment.end,
      status: appointment.status,
      ...(request && {
        request: {
          reference: request.reference,
          status: request.status,
          priority: request.priority,
          version: request.version,
          ...(customerName !== undefined && { customerName }),
          ...(siteName !== undefined && { siteName }),
          crew: [
            ...new Set(
              request.assignments
                .map((assignment) => assignment.technicianCode)
                .filter((code) => code !== appointment.technicianCode),
            ),
          ],
        },
      }),
    };
  });
}
