import type { ServiceRequestCommand } from '@fieldstream/domain';
import type { RecordedEvent } from '@fieldstream/event-store';
import { type ProjectedDocuments, foldProjection } from '../fold-projection';
import type { AnyProjection } from '../projection-definition';
import { queryTerms } from '../master-data/search-terms';
import { recordedLog } from '../testing/recorded-event.factory';
import {
  SERVICE_REQUESTS_COLLECTION,
  SERVICE_REQUEST_TIMELINE_COLLECTION,
  type ServiceRequestDocument,
  type ServiceRequestTimelineDocument,
} from './service-request-collections';
import { serviceRequestsProjection } from './service-requests.projection';
import { type Actor, DESK, DecidedLog, eventIdAt } from './testing/decided-log';

const ID = '0b8e2a52-8c53-4a0b-9a3e-1f2d3c4b5a69';
const ANNA: Actor = { id: 'u-anna', name: 'Anna Bianchi', role: 'technician' };

const open = (
  overrides: Partial<Extract<ServiceRequestCommand, { type: 'open' }>> = {},
): Extract<ServiceRequestCommand, { type: 'open' }> => ({
  type: 'open',
  requestId: ID,
  at: '2026-11-26T08:00:00.000Z',
  source: 'desk',
  customerCode: 'ACME',
  siteCode: 'S-ACME-1',
  assetCode: 'SN-ACME-1',
  description: 'Caldaia in blocco',
  priority: 'high',
  conditionCodes: ['NO-HEAT'],
  contact: { name: 'Mario Rossi', phone: '+39 02 1234567' },
  externalReference: 'CRM-991',
  zoneCode: 'Z-MI',
  unitCode: 'MI',
  explicitAcceptance: true,
  ...overrides,
});

const fold = (events: readonly RecordedEvent[], initial?: ProjectedDocuments) =>
  foldProjection(serviceRequestsProjection as unknown as AnyProjection, events, initial);

const requestIn = (documents: ProjectedDocuments, id = ID) =>
  documents.get(SERVICE_REQUESTS_COLLECTION)?.get(id) as ServiceRequestDocument | undefined;

const timelineOf = (documents: ProjectedDocuments) =>
  [
    ...(documents.get(SERVICE_REQUEST_TIMELINE_COLLECTION)?.values() ?? []),
  ] as ServiceRequestTimelineDocument[];

/** A request walked from opening to closing, as the application would have decided it. */
function lifecycle(): DecidedLog {
  const log = new DecidedLog();
  log.request(ID, open());
  log.request(ID, { type: 'accept', at: '2026-11-26T08:05:00.000Z', note: 'Customer called twice' });
  log.request(ID, { type: 'attachCondition', at: '2026-11-26T08:06:00.000Z', conditionCode: 'LEAK' });
  log.request(ID, {
    type: 'assign',
    at: '2026-11-26T08:10:00.000Z',
    assignments: [
      {
        technicianCode: 'T-MI-2',
        appointmentId: 'ap-2',
        start: '2026-11-27T08:00:00.000Z',
        durationMinutes: 60,
      },
      {
        technicianCode: 'T-MI-1',
        appointmentId: 'ap-1',
        start: '2026-11-27T08:00:00.000Z',
        durationMinutes: 120,
      },
    ],
  });
  log.request(ID, {
    type: 'reschedule',
    at: '2026-11-26T09:00:00.000Z',
    technicianCode: 'T-MI-2',
    start: '2026-11-27T07:30:00.000Z',
    durationMinutes: 90,
    reason: 'Earlier is better',
  });
  log.request(ID, { type: 'startWork', at: '2026-11-27T08:02:00.000Z', technicianCode: 'T-MI-1' }, ANNA);
  log.request(
    ID,
    {
      type: 'addConditionFound',
      at: '2026-11-27T08:30:00.000Z',
      technicianCode: 'T-MI-1',
      conditionCode: 'E-104',
    },
    ANNA,
  );
  log.request(ID, { type: 'addNote', at: '2026-11-27T08:40:00.000Z', text: 'Pump is noisy' }, ANNA);
  log.request(ID, {
    type: 'suspend',
    at: '2026-11-27T09:00:00.000Z',
    reason: 'Waiting for a part',
    until: '2026-11-28T09:00:00.000Z',
  });
  log.request(ID, { type: 'resume', at: '2026-11-28T09:00:00.000Z' });
  log.request(
    ID,
    {
      type: 'close',
      at: '2026-11-28T10:00:00.000Z',
      actuals: {
        labourMinutes: 150,
        travelMinutes: 40,
        travelKm: 32.5,
        materials: [{ itemCode: 'FILTER', quantity: 1, warehouseCode: 'VAN-T-MI-1' }],
        correctiveActions: ['Replaced filter'],
        resolution: 'Boiler restarted',
      },
    },
    ANNA,
  );
  return log;
}

describe('service-requests projection', () => {
  it('opens a request with its reference, routing, scope and search terms', () => {
    const log = new DecidedLog();
    log.request(ID, open());
    const document = requestIn(fold(log.events));
    expect(document).toEqual({
      _id: ID,
      id: ID,
      reference: 'SR-0B8E2A52',
      status: 'open',
      source: 'desk',
      priority: 'high',
      customerCode: 'ACME',
      siteCode: 'S-ACME-1',
      assetCode: 'SN-ACME-1',
      zoneCode: 'Z-MI',
      unitCode: 'MI',
      description: 'Caldaia in blocco',
      conditionCodes: ['NO-HEAT'],
      assignments: [],
      openedAt: '2026-11-26T08:00:00.000Z',
      updatedAt: '2026-11-26T08:00:00.000Z',
      version: 1,
      contact: { name: 'Mario Rossi', phone: '+39 02 1234567' },
      externalReference: 'CRM-991',
      followUpRequestIds: [],
      reopenedCount: 0,
      lastRevision: 0,
      scope: { units: ['MI'], zones: ['Z-MI'], sites: ['S-ACME-1'], customers: ['ACME'], technicians: [] },
      workedBy: [],
      searchTerms: expect.arrayContaining([
        'caldaia',
        'blocco',
        'sr',
        '0b8e2a52',
        'acme',
        'crm',
        '991',
        'no',
        'heat',
      ]),
      priorityRank: 1,
      technicianCodes: [],
      notesCount: 0,
    });
    // Every word of a query, cut as the index cuts it, is a term of the document.
    for (const term of queryTerms('SR-0B8E caldaia S-ACME-1 CRM-991'))
      expect(document?.searchTerms).toContain(term);
  });

  it('is accepted in the same append when no explicit acceptance is configured', () => {
    const log = new DecidedLog();
    log.request(
      ID,
      open({ explicitAcceptance: false, priority: 'low', zoneCode: undefined, unitCode: undefined }),
    );
    const document = requestIn(fold(log.events));
    expect(document).toMatchObject({
      status: 'accepted',
      acceptedAt: '2026-11-26T08:00:00.000Z',
      version: 2,
      priorityRank: 3,
      // Without a zone the site decides who sees it.
      scope: { sites: ['S-ACME-1'], customers: ['ACME'], technicians: [] },
    });
    expect(document?.scope).not.toHaveProperty('units');
    expect(document?.scope).not.toHaveProperty('zones');
  });

  it('follows a whole lifecycle to closing, keeping plan, arrivals, suspension and closure', () => {
    const log = lifecycle();
    const at = (revision: number) => requestIn(fold(log.events.filter((e) => e.revision <= revision)));

    expect(at(3)).toMatchObject({
      status: 'assigned',
      acceptedAt: '2026-11-26T08:05:00.000Z',
      conditionCodes: ['NO-HEAT', 'LEAK'],
      assignments: [
        {
          technicianCode: 'T-MI-1',
          appointmentId: 'ap-1',
          start: '2026-11-27T08:00:00.000Z',
          end: '2026-11-27T10:00:00.000Z',
          durationMinutes: 120,
        },
        {
          technicianCode: 'T-MI-2',
          appointmentId: 'ap-2',
          start: '2026-11-27T08:00:00.000Z',
          end: '2026-11-27T09:00:00.000Z',
          durationMinutes: 60,
        },
      ],
      plannedStart: '2026-11-27T08:00:00.000Z',
      technicianCodes: ['T-MI-1', 'T-MI-2'],
      scope: expect.objectContaining({ technicians: ['T-MI-1', 'T-MI-2'] }),
      version: 4,
    });
    // Rescheduling keeps the appointment and moves the planned start with it.
    expect(at(4)).toMatchObject({
      plannedStart: '2026-11-27T07:30:00.000Z',
      assignments: [
        expect.objectContaining({ technicianCode: 'T-MI-1' }),
        {
          technicianCode: 'T-MI-2',
          appointmentId: 'ap-2',
          start: '2026-11-27T07:30:00.000Z',
          end: '2026-11-27T09:00:00.000Z',
          durationMinutes: 90,
        },
      ],
    });
    expect(at(6)).toMatchObject({
      status: 'in-progress',
      assignments: [
        expect.objectContaining({ technicianCode: 'T-MI-1', startedAt: '2026-11-27T08:02:00.000Z' }),
        expect.anything(),
      ],
      workedBy: ['T-MI-1'],
      conditionCodes: ['NO-HEAT', 'LEAK', 'E-104'],
    });
    expect(at(8)).toMatchObject({
      status: 'suspended',
      suspendedFrom: 'in-progress',
      suspension: { reason: 'Waiting for a part', until: '2026-11-28T09:00:00.000Z' },
      notesCount: 1,
    });
    const resumed = at(9);
    expect(resumed?.status).toBe('in-progress');
    expect(resumed).not.toHaveProperty('suspendedFrom');
    expect(resumed).not.toHaveProperty('suspension');

    const closed = at(10);
    expect(closed).toMatchObject({
      status: 'closed',
      closedAt: '2026-11-28T10:00:00.000Z',
      updatedAt: '2026-11-28T10:00:00.000Z',
      version: 11,
      lastRevision: 10,
      closure: {
        at: '2026-11-28T10:00:00.000Z',
        estimate: { labourMinutes: 210, technicianCodes: ['T-MI-1', 'T-MI-2'] },
        labourMinutes: 150,
        travelMinutes: 40,
        travelKm: 32.5,
        materials: [{ itemCode: 'FILTER', quantity: 1, warehouseCode: 'VAN-T-MI-1' }],
        correctiveActions: ['Replaced filter'],
        resolution: 'Boiler restarted',
      },
    });
    expect(closed?.searchTerms).toEqual(expect.arrayContaining(['leak', 'e', '104']));
  });

  it('reopens without the old plan and closure, counting reopenings', () => {
    const log = lifecycle();
    log.request(ID, {
      type: 'reopen',
      at: '2026-11-29T08:00:00.000Z',
      reason: 'Fault is back',
      reopenWindowDays: 14,
    });
    const document = requestIn(fold(log.events));
    expect(document).toMatchObject({
      status: 'accepted',
      assignments: [],
      technicianCodes: [],
      reopenedCount: 1,
      // Who worked on it keeps reading it; who was only planned does not.
      scope: expect.objectContaining({ technicians: ['T-MI-1'] }),
    });
    expect(document).not.toHaveProperty('closure');
    expect(document).not.toHaveProperty('closedAt');
    expect(document).not.toHaveProperty('plannedStart');
  });

  it('goes back to dispatch when the last technician renounces or is unassigned', () => {
    const log = new DecidedLog();
    log.request(ID, open({ explicitAcceptance: false }));
    log.request(ID, {
      type: 'assign',
      at: '2026-11-26T08:10:00.000Z',
      assignments: [
        { technicianCode: 'T-MI-1', start: '2026-11-27T08:00:00.000Z', durationMinutes: 60 },
        { technicianCode: 'T-MI-2', start: '2026-11-27T08:00:00.000Z', durationMinutes: 60 },
      ],
    });
    log.request(ID, {
      type: 'unassign',
      at: '2026-11-26T09:00:00.000Z',
      technicianCode: 'T-MI-2',
      reason: 'Not needed',
    });
    const oneLeft = requestIn(fold(log.events));
    expect(oneLeft).toMatchObject({ status: 'assigned', technicianCodes: ['T-MI-1'] });
    expect(oneLeft?.scope.technicians).toEqual(['T-MI-1']);

    log.request(ID, {
      type: 'renounce',
      at: '2026-11-26T10:00:00.000Z',
      technicianCode: 'T-MI-1',
      reasonCode: 'ILLNESS',
      text: 'Fever',
    });
    const none = requestIn(fold(log.events));
    expect(none).toMatchObject({ status: 'accepted', assignments: [], technicianCodes: [] });
    expect(none?.scope.technicians).toEqual([]);
    expect(none).not.toHaveProperty('plannedStart');
  });

  it.each([
    [
      'rejected',
      { type: 'reject', at: '2026-11-26T09:00:00.000Z', diagnosis: 'Not our boiler' },
      { rejectionDiagnosis: 'Not our boiler' },
    ],
    [
      'cancelled',
      { type: 'cancel', at: '2026-11-26T09:00:00.000Z', reason: 'Duplicate' },
      { cancellationReason: 'Duplicate' },
    ],
    [
      'resolved-remotely',
      { type: 'recordRemoteCheck', at: '2026-11-26T09:00:00.000Z', resolution: 'Reset by phone' },
      { remoteResolution: 'Reset by phone', closedAt: '2026-11-26T09:00:00.000Z' },
    ],
  ] as const)('records a request %s with its why', (status, command, fields) => {
    const log = new DecidedLog();
    log.request(ID, open());
    log.request(ID, command as ServiceRequestCommand);
    expect(requestIn(fold(log.events))).toMatchObject({ status, ...fields, version: 2 });
  });

  it('links follow-ups and keeps the request a follow-up was opened from', () => {
    const log = lifecycle();
    log.request(ID, {
      type: 'openFollowUp',
      at: '2026-11-28T11:00:00.000Z',
      followUpRequestId: 'f0110000-0000-4000-8000-000000000000',
      reason: 'Pump worn',
    });
    log.request('f0110000-0000-4000-8000-000000000000', {
      ...open({ requestId: 'f0110000-0000-4000-8000-000000000000', externalReference: undefined }),
      followUpOf: ID,
    });
    const documents = fold(log.events);
    expect(requestIn(documents)?.followUpRequestIds).toEqual(['f0110000-0000-4000-8000-000000000000']);
    expect(requestIn(documents, 'f0110000-0000-4000-8000-000000000000')).toMatchObject({
      followUpOf: ID,
      reference: 'SR-F0110000',
    });
  });

  it('applies a redelivered event once: the documents are those of a single delivery', () => {
    const log = lifecycle();
    const once = fold(log.events);
    const note = log.events.find((e) => e.type === 'ServiceRequestNoteAdded')!;
    const twice = fold([...log.events.slice(0, 8), note, ...log.events.slice(8), ...log.events]);
    expect(twice).toEqual(once);
    expect(requestIn(twice)?.notesCount).toBe(1);
    expect(timelineOf(twice)).toHaveLength(log.events.length);
  });

  it('gives the same documents however the log is cut into batches', () => {
    const log = lifecycle();
    const whole = fold(log.events);
    expect(fold(log.events.slice(5), fold(log.events.slice(0, 5)))).toEqual(whole);
  });

  it('keeps one timeline entry per event with who did it, in the event’s own time', () => {
    const log = lifecycle();
    const timeline = timelineOf(fold(log.events)).sort((a, b) => a.revision - b.revision);
    expect(timeline.map((entry) => entry.type)).toEqual(log.events.map((event) => event.type));
    expect(timeline[0]).toEqual({
      _id: eventIdAt(1),
      requestId: ID,
      revision: 0,
      position: 1,
      type: 'ServiceRequestOpened',
      at: '2026-11-26T08:00:00.000Z',
      actorId: DESK.id,
      actorName: DESK.name,
      actorRole: 'dispatcher',
      data: expect.objectContaining({ requestId: ID, priority: 'high', source: 'desk' }),
    });
    expect(timeline.find((entry) => entry.type === 'ServiceRequestWorkStarted')).toMatchObject({
      actorName: 'Anna Bianchi',
      actorRole: 'technician',
      data: { technicianCode: 'T-MI-1' },
    });
  });

  it('skips events of other types, and malformed events under its own names, instead of failing on them', () => {
    const log = lifecycle();
    const junk = recordedLog([
      { stream: 'service-request-1', type: 'ServiceRequestOpened', data: { note: 'no request id' } },
      {
        stream: 'technician-schedule-x',
        type: 'AppointmentReserved',
        data: { requestId: ID, at: '2026-11-26T08:00:00.000Z' },
      },
    ]).map((event, i) => ({ ...event, position: 1000 + i }));
    expect(fold([...log.events, ...junk])).toEqual(fold(log.events));
    expect(serviceRequestsProjection.documentsFor(junk[0] as never)).toEqual([]);
  });

  it('ignores events of a request whose opening it never saw', () => {
    const log = lifecycle();
    expect(fold(log.events.slice(1)).get(SERVICE_REQUESTS_COLLECTION)?.size ?? 0).toBe(0);
  });

  it('declares the indexes the to-do list sorts and filters with', () => {
    const indexes = serviceRequestsProjection.collections[SERVICE_REQUESTS_COLLECTION].indexes ?? [];
    expect(indexes.map((index) => index.keys)).toEqual(
      expect.arrayContaining([
        { status: 1, priorityRank: 1, openedAt: 1 },
        { zoneCode: 1 },
        { unitCode: 1 },
        { assetCode: 1, openedAt: 1 },
        { siteCode: 1, openedAt: 1 },
        { technicianCodes: 1 },
        { externalReference: 1 },
        { updatedAt: 1 },
      ]),
    );
    expect(serviceRequestsProjection.collections[SERVICE_REQUEST_TIMELINE_COLLECTION].indexes).toEqual([
      { name: 'by_request', keys: { requestId: 1, revision: 1 } },
    ]);
  });
});
