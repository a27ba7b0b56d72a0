import type { ServiceRequestTimelineDocument } from '@fieldstream/projections';
import { portalStepsOf } from './portal-steps';

type Entry = Pick<ServiceRequestTimelineDocument, 'type' | 'at' | 'actorName' | 'actorRole' | 'data'>;

const desk = { actorName: 'Desk Milano', actorRole: 'dispatcher' };
const rossi = { actorName: 'Mario Rossi', actorRole: 'technician' };
const customer = { actorName: 'Giulia (ACME)', actorRole: 'customer' };
const technicians = new Map([
  ['T-MI-1', 'Mario Rossi'],
  ['T-MI-2', 'Anna Maria Bianchi'],
]);
const slot = (technicianCode: string, start: string, end: string) => ({
  technicianCode,
  start,
  end,
  durationMinutes: 60,
});

const at = (minute: number) => `2026-12-01T08:${String(minute).padStart(2, '0')}:00.000Z`;
const entry = (
  minute: number,
  type: string,
  actor: typeof desk,
  data: Record<string, unknown> = {},
): Entry => ({
  type,
  at: at(minute),
  ...actor,
  data: { requestId: 'R1', at: at(minute), ...data } as Entry['data'],
});

describe("a request's story as its customer reads it", () => {
  it('tells every step that concerns the customer, with first names and windows only', () => {
    const steps = portalStepsOf(
      [
        entry(0, 'ServiceRequestOpened', customer, { source: 'portal', conditionCodes: [] }),
        entry(1, 'ServiceRequestAccepted', desk, { automatic: false, note: 'Checked the contract' }),
        entry(2, 'ServiceRequestTechniciansAssigned', desk, {
          assignments: [
            slot('T-MI-1', '2026-12-02T08:00:00Z', '2026-12-02T09:00:00Z'),
            slot('T-MI-2', '2026-12-02T08:00:00Z', '2026-12-02T09:00:00Z'),
          ],
          synchronized: true,
        }),
        entry(3, 'ServiceRequestRescheduled', desk, {
          technicianCode: 'T-MI-1',
          previous: slot('T-MI-1', '2026-12-02T08:00:00Z', '2026-12-02T09:00:00Z'),
          assignment: slot('T-MI-1', '2026-12-03T09:00:00+01:00', '2026-12-03T10:00:00+01:00'),
          reason: 'Rossi is sick',
        }),
        entry(4, 'ServiceRequestTechnicianOnTheWay', rossi, { technicianCode: 'T-MI-1', etaMinutes: 25 }),
        entry(5, 'ServiceRequestWorkStarted', rossi, { technicianCode: 'T-MI-1' }),
        entry(6, 'ServiceRequestNoteAdded', customer, { text: 'Gate B, please' }),
        entry(7, 'ServiceRequestClosed', rossi, {
          estimate: { labourMinutes: 60, technicianCodes: ['T-MI-1'] },
          actuals: {
            labourMinutes: 50,
            travelMinutes: 20,
            travelKm: 12,
            materials: [],
            correctiveActions: [],
            resolution: 'Electrode replaced',
          },
        }),
      ],
      technicians,
    );
    expect(steps).toEqual([
      { at: at(0), kind: 'opened', source: 'portal', by: 'Giulia (ACME)' },
      { at: at(1), kind: 'accepted' },
      {
        at: at(2),
        kind: 'planned',
        technicianFirstName: 'Mario',
        window: { start: '2026-12-02T08:00:00.000Z', end: '2026-12-02T09:00:00.000Z' },
      },
      {
        at: at(2),
        kind: 'planned',
        technicianFirstName: 'Anna',
        window: { start: '2026-12-02T08:00:00.000Z', end: '2026-12-02T09:00:00.000Z' },
      },
      {
        at: at(3),
        kind: 'rescheduled',
        technicianFirstName: 'Mario',
        window: { start: '2026-12-03T08:00:00.000Z', end: '2026-12-03T09:00:00.000Z' },
      },
      { at: at(4), kind: 'on-the-way', technicianFirstName: 'Mario', etaMinutes: 25 },
      { at: at(5), kind: 'arrived', technicianFirstName: 'Mario' },
      { at: at(6), kind: 'comment', by: 'Giulia (ACME)', text: 'Gate B, please' },
      { at: at(7), kind: 'completed', text: 'Electrode replaced' },
    ]);
    const told = JSON.stringify(steps);
    for (const secret of [
      'Rossi',
      'Bianchi',
      'T-MI-1',
      'Desk Milano',
      'Checked the contract',
      'sick',
      'labour',
    ]) {
      expect([secret, told.includes(secret)]).toEqual([secret, false]);
    }
  });

  it("keeps the service's working papers out: its notes, renounces and their reasons, diagnoses, devices", () => {
    const steps = portalStepsOf(
      [
        entry(0, 'ServiceRequestOpened', desk, { source: 'desk', conditionCodes: [] }),
        entry(1, 'ServiceRequestNoteAdded', desk, { text: 'Customer owes us money' }),
        entry(2, 'ServiceRequestConditionAttached', desk, { conditionCode: 'E04', foundOnSite: false }),
        entry(3, 'ServiceRequestRenounced', rossi, {
          technicianCode: 'T-MI-1',
          reasonCode: 'sick',
          text: 'Flu',
          assignment: slot('T-MI-1', '2026-12-02T08:00:00Z', '2026-12-02T09:00:00Z'),
          backToDispatch: true,
        }),
        entry(4, 'ServiceRequestUnassigned', desk, {
          assignment: slot('T-MI-2', '2026-12-02T08:00:00Z', '2026-12-02T09:00:00Z'),
          backToDispatch: false,
        }),
        entry(5, 'ServiceRequestDeviceSignalRecorded', desk, {
          assetCode: 'SN-1',
          kind: 'raised',
          afterClosing: false,
        }),
        entry(6, 'ServiceRequestSuspended', desk, {
          reason: 'Waiting for the part',
          from: 'accepted',
          until: '2026-12-05T08:00:00Z',
        }),
        entry(7, 'ServiceRequestResumed', desk, { to: 'accepted' }),
        entry(8, 'ServiceRequestRejected', desk, { diagnosis: 'Not a fault: descale it' }),
      ],
      technicians,
    );
    // Opened by the service: nobody of theirs named.
    expect(steps).toEqual([
      { at: at(0), kind: 'opened', source: 'desk' },
      { at: at(3), kind: 'replanning' },
      { at: at(6), kind: 'on-hold', until: '2026-12-05T08:00:00.000Z' },
      { at: at(7), kind: 'resumed' },
      { at: at(8), kind: 'declined', text: 'Not a fault: descale it' },
    ]);
  });
});
