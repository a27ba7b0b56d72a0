import type { PortalStep } from '@fieldstream/api-contract';
import type { ServiceRequestTimelineDocument } from '@fieldstream/projections';
import { firstNameOf } from './first-name';
import { utcInstant } from './instant';
import type { TechnicianNames } from './portal-visits';

type Entry = Pick<ServiceRequestTimelineDocument, 'type' | 'at' | 'actorName' | 'actorRole' | 'data'>;

type Data = Record<string, unknown>;

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value : undefined;

/** `{ key: value }` when there is a value: answers carry no undefined fields. */
function present<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

/**
 * A request's story told to its customer, one step per event that concerns them, oldest first.
 * What stays inside the service is left out: the desk's and technicians' notes, renounces and
 * their reasons, conditions attached while diagnosing, devices' signals, who at the desk did
 * what. Technicians appear by first name; a person is named only when they are of the
 * customer's own company (who opened the request, who commented).
 */
export function portalStepsOf(entries: readonly Entry[], technicians: TechnicianNames): PortalStep[] {
  const firstName = (data: unknown) => {
    const code = (data as { technicianCode?: unknown } | undefined)?.technicianCode;
    return typeof code === 'string' ? firstNameOf(technicians.get(code)) : undefined;
  };
  const window = (assignment: unknown) => {
    const { start, end } = (assignment ?? {}) as Data;
    return typeof start === 'string' && typeof end === 'string'
      ? { start: utcInstant(start), end: utcInstant(end) }
      : undefined;
  };
  const byCustomer = (entry: Entry) => (entry.actorRole === 'customer' ? text(entry.actorName) : undefined);

  return entries.flatMap((entry): PortalStep[] => {
    const data = entry.data as Data;
    const at = entry.at;
    switch (entry.type) {
      case 'ServiceRequestOpened': {
        const source = data['source'];
        return [
          {
            at,
            kind: 'opened',
            ...(typeof source === 'string' && { source: source as PortalStep['source'] }),
            ...present('by', byCustomer(entry)),
          },
        ];
      }
      case 'ServiceRequestAccepted':
        return [{ at, kind: 'accepted' }];
      case 'ServiceRequestRejected':
        return [{ at, kind: 'declined', ...present('text', text(data['diagnosis'])) }];
      case 'ServiceRequestRemotelyResolved':
        return [{ at, kind: 'resolved-remotely', ...present('text', text(data['resolution'])) }];
      case 'ServiceRequestTechniciansAssigned': {
        const assignments = Array.isArray(data['assignments']) ? (data['assignments'] as unknown[]) : [];
        return assignments.map((assignment) => ({
          at,
          kind: 'planned' as const,
          ...present('technicianFirstName', firstName(assignment)),
          ...present('window', window(assignment)),
        }));
      }
      case 'ServiceRequestRescheduled':
        return [
          {
            at,
            kind: 'rescheduled',
            ...present('technicianFirstName', firstName(data)),
            ...present('window', window(data['assignment'])),
          },
        ];
      // A technician taken off (or giving up) matters to the customer only when nobody is left.
      case 'ServiceRequestUnassigned':
      case 'ServiceRequestRenounced':
        return data['backToDispatch'] === true ? [{ at, kind: 'replanning' }] : [];
      case 'ServiceRequestSuspended':
        return [
          {
            at,
            kind: 'on-hold',
            ...present('until', text(data['until']) && utcInstant(String(data['until']))),
          },
        ];
      case 'ServiceRequestResumed':
        return [{ at, kind: 'resumed' }];
      case 'ServiceRequestCancelled':
        return [{ at, kind: 'cancelled', ...present('text', text(data['reason'])) }];
      case 'ServiceRequestTechnicianOnTheWay': {
        const eta = data['etaMinutes'];
        return [
          {
            at,
            kind: 'on-the-way',
            ...present('technicianFirstName', firstName(data)),
            ...(typeof eta === 'number' && { etaMinutes: eta }),
          },
        ];
      }
      case 'ServiceRequestWorkStarted':
        return [{ at, kind: 'arrived', ...present('technicianFirstName', firstName(data)) }];
      // The customer's own words only: the service's notes are its working papers.
      case 'ServiceRequestNoteAdded':
        return entry.actorRole === 'customer'
          ? [
              {
                at,
                kind: 'comment',
                ...present('by', byCustomer(entry)),
                ...present('text', text(data['text'])),
              },
            ]
          : [];
      case 'ServiceRequestClosed': {
        const actuals = (data['actuals'] ?? {}) as Data;
        return [{ at, kind: 'completed', ...present('text', text(actuals['resolution'])) }];
      }
      case 'ServiceRequestReopened':
        return [{ at, kind: 'reopened' }];
      default:
        return [];
    }
  });
}
