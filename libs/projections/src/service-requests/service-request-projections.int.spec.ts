import type { EventStore, RecordedEvent } from '@fieldstream/event-store';
import { openSqliteEventStore } from '@fieldstream/event-store-sqlite';
import type { ReadStore } from '@fieldstream/read-store';
import { openSqliteReadStore } from '@fieldstream/read-store-sqlite';
import { foldProjection } from '../fold-projection';
import { type AnyProjection, PROJECTION_VERSIONS_COLLECTION } from '../projection-definition';
import { silentLogger } from '../projection-logger';
import { ProjectionRunner } from '../projection.runner';
import { rebuildProjections } from '../rebuild-projections';
import { eventually } from '../testing/eventually';
import { readAllDocuments } from '../testing/read-all-documents';
import { temporaryDirectory } from '../testing/temporary-directory';
import {
  SERVICE_REQUESTS_COLLECTION,
  SERVICE_REQUEST_TIMELINE_COLLECTION,
  TECHNICIAN_AGENDA_COLLECTION,
  type ServiceRequestDocument,
  type TechnicianAgendaDocument,
} from './service-request-collections';
import { serviceRequestsProjection } from './service-requests.projection';
import { technicianAgendaProjection } from './technician-agenda.projection';
import { type Actor, DecidedLog } from './testing/decided-log';
import { readLog } from '../testing/read-log';

jest.setTimeout(60_000);

const PROJECTIONS = [
  serviceRequestsProjection as unknown as AnyProjection,
  technicianAgendaProjection as unknown as AnyProjection,
];
const COLLECTIONS = [
  SERVICE_REQUESTS_COLLECTION,
  SERVICE_REQUEST_TIMELINE_COLLECTION,
  TECHNICIAN_AGENDA_COLLECTION,
  PROJECTION_VERSIONS_COLLECTION,
];
const TECH: Actor = { id: 'u-tech', name: 'Mario Rossi', role: 'technician' };
const week = (technician: string, period: string) => `technician-schedule-${technician}-${period}`;
const requestId = (n: number) => `${String(n).padStart(8, '0')}-0000-4000-8000-000000000000`;

/** Appends what one command decided, in one append, as the application does. */
async function append(eventStore: EventStore, decided: readonly RecordedEvent[]): Promise<void> {
  const stream = decided[0]?.streamName;
  if (!stream) return;
  await eventStore.appendToStream(
    stream,
    decided.map(({ id, type, data, metadata }) => ({ id, type, data, metadata })),
  );
}

/**
 * Requests opened, planned (one across Sunday midnight, written to both weeks), moved across
 * weeks, displaced by an emergency, started and closed: each command appended as it is decided.
 */
async function writeHistory(eventStore: EventStore): Promise<void> {
  const log = new DecidedLog();
  const at = (day: number, hour: number) => new Date(Date.UTC(2026, 10, day, hour)).toISOString();
  for (let n = 1; n <= 12; n++) {
    await append(
      eventStore,
      log.request(requestId(n), {
        type: 'open',
        requestId: requestId(n),
        at: at(23, 8),
        source: n % 2 ? 'desk' : 'portal',
        customerCode: n % 3 ? 'ACME' : 'BETA',
        siteCode: n % 3 ? 'S-ACME-1' : 'S-BETA-1',
        description: `Fault number ${n}`,
        priority: (['critical', 'high', 'normal', 'low'] as const)[n % 4]!,
        conditionCodes: [],
        contact: { name: 'Front desk' },
        zoneCode: n % 3 ? 'Z-MI' : 'Z-RM',
        unitCode: n % 3 ? 'MI' : 'RM',
        explicitAcceptance: n % 2 === 0,
      }),
    );
  }
  // Request 1: a booking from Sunday 22:00 to Monday 02:00 UTC, in weeks 48 and 49.
  const booking = { technicianCode: 'T-MI-1', appointmentId: 'ap-1', requestId: requestId(1) };
  for (const period of ['2026-W48', '2026-W49']) {
    await append(
      eventStore,
      log.schedule(
        week('T-MI-1', period),
        { type: 'reserve', ...booking, start: '2026-11-29T22:00:00.000Z', durationMinutes: 240 },
        at(23, 9),
      ),
    );
  }
  await append(
    eventStore,
    log.request(requestId(1), {
      type: 'assign',
      at: at(23, 9),
      assignments: [
        {
          technicianCode: 'T-MI-1',
          appointmentId: 'ap-1',
          start: '2026-11-29T22:00:00.000Z',
          durationMinutes: 240,
        },
      ],
    }),
  );
  for (const period of ['2026-W48', '2026-W49'])
    await append(
      eventStore,
      log.schedule(
        week('T-MI-1', period),
        { type: 'confirm', technicianCode: 'T-MI-1', appointmentId: 'ap-1' },
        at(23, 9),
      ),
    );

  // Request 3: booked in week 48, then moved to week 49.
  const moving = { technicianCode: 'T-MI-1', appointmentId: 'ap-3' };
  await append(
    eventStore,
    log.schedule(
      week('T-MI-1', '2026-W48'),
      {
        type: 'reserve',
        ...moving,
        requestId: requestId(3),
        start: '2026-11-27T08:00:00.000Z',
        durationMinutes: 60,
      },
      at(23, 10),
    ),
  );
  await append(
    eventStore,
    log.request(requestId(3), {
      type: 'assign',
      at: at(23, 10),
      assignments: [
        {
          technicianCode: 'T-MI-1',
          appointmentId: 'ap-3',
          start: '2026-11-27T08:00:00.000Z',
          durationMinutes: 60,
        },
      ],
    }),
  );
  await append(
    eventStore,
    log.schedule(week('T-MI-1', '2026-W48'), { type: 'confirm', ...moving }, at(23, 10)),
  );
  const next = { start: '2026-12-02T08:00:00.000Z', durationMinutes: 60 };
  await append(
    eventStore,
    log.schedule(
      week('T-MI-1', '2026-W49'),
      { type: 'reserve', ...moving, requestId: requestId(3), ...next },
      at(24, 8),
    ),
  );
  await append(
    eventStore,
    log.schedule(week('T-MI-1', '2026-W48'), { type: 'move', ...moving, ...next }, at(24, 8)),
  );
  await append(
    eventStore,
    log.schedule(week('T-MI-1', '2026-W48'), { type: 'release', ...moving, reason: 'moved' }, at(24, 8)),
  );
  await append(
    eventStore,
    log.schedule(week('T-MI-1', '2026-W49'), { type: 'confirm', ...moving }, at(24, 8)),
  );
  await append(
    eventStore,
    log.request(requestId(3), { type: 'reschedule', at: at(24, 8), technicianCode: 'T-MI-1', ...next }),
  );

  // Request 5: an emergency in week 49 removes request 3's appointment, which goes back to dispatch.
  await append(
    eventStore,
    log.schedule(
      week('T-MI-1', '2026-W49'),
      {
        type: 'reserve',
        technicianCode: 'T-MI-1',
        appointmentId: 'ap-5',
        requestId: requestId(5),
        start: '2026-12-02T07:30:00.000Z',
        durationMinutes: 120,
        displace: [{ appointmentId: 'ap-3', action: 'remove' }],
      },
      at(25, 8),
    ),
  );
  await append(
    eventStore,
    log.request(requestId(5), {
      type: 'assign',
      at: at(25, 8),
      assignments: [
        {
          technicianCode: 'T-MI-1',
          appointmentId: 'ap-5',
          start: '2026-12-02T07:30:00.000Z',
          durationMinutes: 120,
        },
      ],
    }),
  );
  await append(
    eventStore,
    log.request(requestId(3), {
      type: 'unassign',
      at: at(25, 8),
      technicianCode: 'T-MI-1',
      reason: 'Displaced by emergency SR-00000005',
    }),
  );
  await append(
    eventStore,
    log.request(requestId(5), { type: 'startWork', at: at(25, 9), technicianCode: 'T-MI-1' }, TECH),
  );
  await append(
    eventStore,
    log.request(requestId(5), { type: 'addNote', at: at(25, 9), text: 'Water on the floor' }, TECH),
  );
  await append(
    eventStore,
    log.request(
      requestId(5),
      {
        type: 'close',
        at: at(25, 11),
        actuals: {
          labourMinutes: 100,
          travelMinutes: 20,
          travelKm: 12,
          materials: [],
          correctiveActions: [],
          resolution: 'Valve replaced',
        },
      },
      TECH,
    ),
  );
  await append(
    eventStore,
    log.request(requestId(8), { type: 'reject', at: at(25, 12), diagnosis: 'Not covered' }),
  );
}

describe('service-request projections on the embedded stores', () => {
  const dir = temporaryDirectory('service-request-projections');
  let eventStore: EventStore;
  let readStore: ReadStore;
  let rebuiltStore: ReadStore;
  let runner: ProjectionRunner;

  beforeAll(async () => {
    eventStore = await openSqliteEventStore({ file: dir.file('events.sqlite') });
    readStore = await openSqliteReadStore({ file: dir.file('read.sqlite') });
    rebuiltStore = await openSqliteReadStore({ file: dir.file('rebuilt.sqlite') });
    // Small batches while the history is being written, so live commits cut the log in many places.
    runner = new ProjectionRunner({
      eventStore,
      readStore,
      projections: PROJECTIONS,
      batchSize: 7,
      logger: silentLogger,
    });
    runner.start();
    await writeHistory(eventStore);
    // A projection's checkpoint stops at the last event of its own types.
    const log = await readLog(eventStore);
    const lastOf = (projection: AnyProjection) =>
      Math.max(
        ...log
          .filter((e) => (projection.eventTypes as readonly string[]).includes(e.type))
          .map((e) => e.position),
      );
    await eventually(
      async () => {
        const reached = await Promise.all(
          PROJECTIONS.map(async (p) => ((await readStore.getCheckpoint(p.name)) ?? 0) >= lastOf(p)),
        );
        return reached.every(Boolean) || undefined;
      },
      30_000,
      'both projections to pass their last event',
    );
  });

  afterAll(async () => {
    await runner.stop();
    await rebuiltStore.close();
    await readStore.close();
    await eventStore.close();
    dir.remove();
  });

  it('builds live exactly the documents the pure fold of the log gives', async () => {
    const log = await readLog(eventStore);
    for (const projection of PROJECTIONS) {
      const folded = foldProjection(projection, log);
      for (const collection of Object.keys(projection.collections)) {
        const expected = [...(folded.get(collection)?.values() ?? [])].sort((a, b) =>
          a._id < b._id ? -1 : 1,
        );
        const stored = await readStore.collection(collection).find({}, { sort: { _id: 1 } });
        expect(stored).toEqual(expected);
      }
    }
  });

  it('gives by a rebuild from zero the same documents as the live run', async () => {
    const results = await rebuildProjections({
      eventStore,
      readStore: rebuiltStore,
      projections: PROJECTIONS,
      batchSize: 5,
    });
    expect(results.map((r) => r.projection)).toEqual(['service-requests', 'technician-agenda']);
    expect(await readAllDocuments(rebuiltStore, COLLECTIONS)).toEqual(
      await readAllDocuments(readStore, COLLECTIONS),
    );
  });

  it('answers the to-do list and agenda queries from the stored documents', async () => {
    const requests = readStore.collection<ServiceRequestDocument>(SERVICE_REQUESTS_COLLECTION);
    expect(await requests.count()).toBe(12);
    const milan = await requests.find(
      { 'scope.units': 'MI', status: { $in: ['accepted', 'open'] } },
      { sort: { priorityRank: 1, openedAt: 1, _id: 1 } },
    );
    // Critical first, then normal, then low; requests of the same rank by opening, then id.
    expect(milan.map((r) => r.reference)).toEqual([
      'SR-00000004',
      'SR-00000002',
      'SR-00000010',
      'SR-00000007',
      'SR-00000011',
    ]);
    expect(await requests.get(requestId(8))).toMatchObject({
      status: 'rejected',
      rejectionDiagnosis: 'Not covered',
    });
    expect(await requests.get(requestId(3))).toMatchObject({
      status: 'accepted',
      assignments: [],
      technicianCodes: [],
    });
    expect(await requests.get(requestId(5))).toMatchObject({
      status: 'closed',
      notesCount: 1,
      scope: expect.objectContaining({ technicians: ['T-MI-1'] }),
    });
    expect(await requests.find({ technicianCodes: 'T-MI-1' }, { sort: { _id: 1 } })).toEqual([
      expect.objectContaining({ _id: requestId(1), plannedStart: '2026-11-29T22:00:00.000Z' }),
      expect.objectContaining({ _id: requestId(5), status: 'closed' }),
    ]);

    const agenda = await readStore
      .collection<TechnicianAgendaDocument>(TECHNICIAN_AGENDA_COLLECTION)
      .find({ technicianCode: 'T-MI-1' }, { sort: { start: 1, _id: 1 } });
    expect(agenda.map((d) => [d.appointmentId, d.status, d.start])).toEqual([
      ['ap-1', 'confirmed', '2026-11-29T22:00:00.000Z'],
      ['ap-1', 'confirmed', '2026-11-29T22:00:00.000Z'],
      ['ap-5', 'reserved', '2026-12-02T07:30:00.000Z'],
    ]);
    const timeline = await readStore
      .collection(SERVICE_REQUEST_TIMELINE_COLLECTION)
      .find({ requestId: requestId(5) }, { sort: { revision: 1 } });
    expect(timeline.map((entry) => entry['type'])).toEqual([
      'ServiceRequestOpened',
      'ServiceRequestAccepted',
      'ServiceRequestTechniciansAssigned',
      'ServiceRequestWorkStarted',
      'ServiceRequestNoteAdded',
      'ServiceRequestClosed',
    ]);
  });
});
