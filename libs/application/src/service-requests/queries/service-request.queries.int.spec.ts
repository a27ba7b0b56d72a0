import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { serviceRequestListQuerySchema } from '@fieldstream/api-contract';
import {
  type Principal,
  type ServiceRequestCommand,
  type TechnicianScheduleCommand,
  schedulePeriodsOf,
  serviceRequestDecider,
  serviceRequestStreamName,
  technicianScheduleDecider,
} from '@fieldstream/domain';
import type { EventStore } from '@fieldstream/event-store';
import { openSqliteEventStore } from '@fieldstream/event-store-sqlite';
import {
  ProjectionRunner,
  TECHNICIAN_AGENDA_COLLECTION,
  masterDataProjection,
  serviceRequestsProjection,
  silentLogger,
  technicianAgendaProjection,
} from '@fieldstream/projections';
import type { ReadStore } from '@fieldstream/read-store';
import { openSqliteReadStore } from '@fieldstream/read-store-sqlite';
import { type TempDir, tempDir } from '@fieldstream/testing';
import type { CommandContext } from '../../commands/command-context';
import { executeCommand } from '../../commands/execute-command';
import { technicianScheduleStreamName } from '../../commands/stream-names';
import { waitForProjection } from '../../commands/wait-for-projection';
import { FieldValidationError, ForbiddenError, NotFoundError } from '../../errors';
import { MasterDataService } from '../../master-data/master-data.service';
import { ServiceRequestQueries } from './service-request.queries';
import { MANUAL_ID, PEOPLE, WIRING_ID, registerQueryOrganisation } from './testing/query-organisation';

jest.setTimeout(60_000);

const R1 = '11111111-1111-4111-8111-111111111111';
const R2 = '22222222-2222-4222-8222-222222222222';
const R3 = '33333333-3333-4333-8333-333333333333';
const R4 = '44444444-4444-4444-8444-444444444444';
const R5 = '55555555-5555-4555-8555-555555555555';

const context = (actor: Principal, at: string): CommandContext => ({
  actor,
  at,
  correlationId: randomUUID(),
});
/** The query as the API hands it over: parsed by the contract's schema, defaults filled. */
const query = (input: object = {}) => serviceRequestListQuerySchema.parse(input);
const ids = (list: { items: { id: string }[] }) => list.items.map((item) => item.id);

describe('ServiceRequestQueries on real stores', () => {
  let dir: TempDir;
  let events: EventStore;
  let reads: ReadStore;
  let runner: ProjectionRunner;
  let masterData: MasterDataService;
  let queries: ServiceRequestQueries;
  const written = { requests: 0, schedules: 0 };

  async function onRequest(
    requestId: string,
    command: ServiceRequestCommand,
    actor: Principal = PEOPLE.deskMilan,
  ) {
    const outcome = await executeCommand(
      events,
      serviceRequestStreamName(requestId),
      serviceRequestDecider,
      command,
      context(actor, command.at),
    );
    written.requests = Math.max(written.requests, outcome.position ?? 0);
  }

  /** Books a slot in every weekly schedule stream it touches, as the command side does. */
  async function book(
    requestId: string,
    technicianCode: string,
    appointmentId: string,
    start: string,
    durationMinutes: number,
    at: string,
  ) {
    for (const period of schedulePeriodsOf(start, durationMinutes))
      await onSchedule(
        technicianCode,
        period,
        {
          type: 'reserve',
          technicianCode,
          appointmentId,
          requestId,
          start,
          durationMinutes,
        },
        at,
      );
  }

  async function onSchedule(
    technicianCode: string,
    period: string,
    command: TechnicianScheduleCommand,
    at: string,
  ) {
    const outcome = await executeCommand(
      events,
      technicianScheduleStreamName(technicianCode, period),
      technicianScheduleDecider,
      command,
      context(PEOPLE.deskMilan, at),
    );
    written.schedules = Math.max(written.schedules, outcome.position ?? 0);
  }

  const confirm = (
    technicianCode: string,
    appointmentId: string,
    start: string,
    minutes: number,
    at: string,
  ) =>
    Promise.all(
      schedulePeriodsOf(start, minutes).map((period) =>
        onSchedule(technicianCode, period, { type: 'confirm', technicianCode, appointmentId }, at),
      ),
    );

  const opening: Omit<
    Extract<ServiceRequestCommand, { type: 'open' }>,
    'requestId' | 'at' | 'description' | 'priority'
  > = {
    type: 'open',
    source: 'desk',
    customerCode: 'ACME',
    siteCode: 'S-ACME-1',
    assetCode: 'SN-ACME-1',
    conditionCodes: [],
    contact: { name: 'Portineria' },
    zoneCode: 'Z-MI',
    unitCode: 'MI',
    explicitAcceptance: false,
  };

  beforeAll(async () => {
    dir = await tempDir();
    events = await openSqliteEventStore({ file: join(dir.path, 'events.sqlite') });
    reads = await openSqliteReadStore({ file: join(dir.path, 'read-models.sqlite') });
    runner = new ProjectionRunner({
      eventStore: events,
      readStore: reads,
      projections: [masterDataProjection, serviceRequestsProjection, technicianAgendaProjection] as never,
      maxBatchWaitMs: 5,
      logger: silentLogger,
    });
    runner.start();
    masterData = new MasterDataService({ events, reads });
    queries = new ServiceRequestQueries({ reads, masterData });
    await registerQueryOrganisation(masterData, context(PEOPLE.admin, '2026-11-01T08:00:00.000Z'));

    // R1: opened and accepted at the desk, planned for Mario Rossi, worked and closed.
    await onRequest(R1, {
      ...opening,
      requestId: R1,
      at: '2026-11-20T08:00:00.000Z',
      description: 'Caldaia in blocco',
      priority: 'high',
      conditionCodes: ['E-104'],
      explicitAcceptance: true,
    });
    await onRequest(R1, { type: 'accept', at: '2026-11-20T08:05:00.000Z' });
    await book(R1, 'T-MI-1', 'ap-r1', '2026-11-27T08:00:00.000Z', 120, '2026-11-20T08:10:00.000Z');
    await onRequest(R1, {
      type: 'assign',
      at: '2026-11-20T08:10:00.000Z',
      assignments: [
        {
          technicianCode: 'T-MI-1',
          appointmentId: 'ap-r1',
          start: '2026-11-27T08:00:00.000Z',
          durationMinutes: 120,
        },
      ],
    });
    await confirm('T-MI-1', 'ap-r1', '2026-11-27T08:00:00.000Z', 120, '2026-11-20T08:10:00.000Z');

    // R2: a leak reported through the portal, awaiting acceptance.
    await onRequest(
      R2,
      {
        ...opening,
        requestId: R2,
        source: 'portal',
        at: '2026-11-21T08:00:00.000Z',
        description: "Perdita d'acqua dal tubo",
        priority: 'normal',
        explicitAcceptance: true,
      },
      PEOPLE.acme,
    );

    // R3: an emergency at Beta in Rome from the CRM, a crew across Sunday midnight (two weeks).
    await onRequest(
      R3,
      {
        ...opening,
        requestId: R3,
        source: 'external',
        at: '2026-11-22T08:00:00.000Z',
        customerCode: 'BETA',
        siteCode: 'S-BETA-1',
        assetCode: 'SN-BETA-1',
        zoneCode: 'Z-RM',
        unitCode: 'RM',
        description: 'Caveau: caldaia ferma',
        priority: 'critical',
        externalReference: 'CRM-7',
      },
      PEOPLE.integrator,
    );
    const night = { start: '2026-11-29T22:00:00.000Z', durationMinutes: 240 };
    await book(R3, 'T-RM-1', 'ap-r3-rm', night.start, night.durationMinutes, '2026-11-22T08:30:00.000Z');
    await book(R3, 'T-MI-1', 'ap-r3-mi', night.start, night.durationMinutes, '2026-11-22T08:30:00.000Z');
    await onRequest(R3, {
      type: 'assign',
      at: '2026-11-22T08:30:00.000Z',
      assignments: [
        { technicianCode: 'T-RM-1', appointmentId: 'ap-r3-rm', ...night },
        { technicianCode: 'T-MI-1', appointmentId: 'ap-r3-mi', ...night },
      ],
    });
    await confirm('T-RM-1', 'ap-r3-rm', night.start, night.durationMinutes, '2026-11-22T08:30:00.000Z');
    await confirm('T-MI-1', 'ap-r3-mi', night.start, night.durationMinutes, '2026-11-22T08:30:00.000Z');

    // R4: opened by mistake and cancelled; no asset.
    const { assetCode: _noAsset, ...withoutAsset } = opening;
    await onRequest(R4, {
      ...withoutAsset,
      requestId: R4,
      at: '2026-11-23T08:00:00.000Z',
      description: 'Duplicate of the boiler call',
      priority: 'low',
    });
    await onRequest(R4, { type: 'cancel', at: '2026-11-23T09:00:00.000Z', reason: 'Duplicate' });

    // R5: planned for Anna Bianchi in week 48, moved to week 49.
    await onRequest(R5, {
      ...opening,
      requestId: R5,
      at: '2026-11-24T08:00:00.000Z',
      description: 'Annual check',
      priority: 'normal',
    });
    await book(R5, 'T-MI-2', 'ap-r5', '2026-11-26T13:00:00.000Z', 60, '2026-11-24T08:10:00.000Z');
    await onRequest(R5, {
      type: 'assign',
      at: '2026-11-24T08:10:00.000Z',
      assignments: [
        {
          technicianCode: 'T-MI-2',
          appointmentId: 'ap-r5',
          start: '2026-11-26T13:00:00.000Z',
          durationMinutes: 60,
        },
      ],
    });
    await confirm('T-MI-2', 'ap-r5', '2026-11-26T13:00:00.000Z', 60, '2026-11-24T08:10:00.000Z');
    const moved = { start: '2026-12-03T09:00:00.000Z', durationMinutes: 60 };
    const ref = { technicianCode: 'T-MI-2', appointmentId: 'ap-r5' };
    await onSchedule(
      'T-MI-2',
      '2026-W49',
      { type: 'reserve', ...ref, requestId: R5, ...moved },
      '2026-11-25T08:00:00.000Z',
    );
    await onSchedule(
      'T-MI-2',
      '2026-W48',
      { type: 'release', ...ref, reason: 'moved' },
      '2026-11-25T08:00:00.000Z',
    );
    await onSchedule('T-MI-2', '2026-W49', { type: 'confirm', ...ref }, '2026-11-25T08:00:00.000Z');
    await onRequest(R5, {
      type: 'reschedule',
      at: '2026-11-25T08:00:00.000Z',
      technicianCode: 'T-MI-2',
      ...moved,
      reason: 'Customer away',
    });

    // R1 worked and closed by Mario Rossi.
    await onRequest(
      R1,
      { type: 'startWork', at: '2026-11-27T08:05:00.000Z', technicianCode: 'T-MI-1' },
      PEOPLE.rossi,
    );
    await onRequest(
      R1,
      { type: 'addNote', at: '2026-11-27T08:40:00.000Z', text: 'Pump is noisy' },
      PEOPLE.rossi,
    );
    await onRequest(
      R1,
      {
        type: 'close',
        at: '2026-11-27T10:00:00.000Z',
        actuals: {
          labourMinutes: 110,
          travelMinutes: 30,
          travelKm: 14,
          materials: [{ itemCode: 'FILTER', quantity: 1, warehouseCode: 'VAN-T-MI-1' }],
          correctiveActions: ['Cleaned the electrode'],
          resolution: 'Boiler restarted',
        },
      },
      PEOPLE.rossi,
    );

    // The boiler's firmware updated: a change in its record's history.
    const boiler = await masterData.get(PEOPLE.admin, 'assets', 'SN-ACME-1');
    await masterData.write(
      context(PEOPLE.admin, '2026-11-28T08:00:00.000Z'),
      'assets',
      'change',
      'SN-ACME-1',
      {
        ...boiler.record,
        configuration: { firmware: '2.2', power: 24 },
      },
    );

    expect(await waitForProjection(reads, serviceRequestsProjection.name, written.requests, 20_000)).toBe(
      true,
    );
    expect(await waitForProjection(reads, technicianAgendaProjection.name, written.schedules, 20_000)).toBe(
      true,
    );
  });

  afterAll(async () => {
    await runner.stop();
    await events.close();
    await reads.close();
    await dir.remove();
  });

  describe('list', () => {
    it('sorts by urgency, then opening, and joins names', async () => {
      const list = await queries.list(PEOPLE.admin, query());
      expect(ids(list)).toEqual([R3, R1, R2, R5, R4]);
      expect(list).toMatchObject({ total: 5, limit: 50, offset: 0 });
      expect(list.items[1]).toEqual({
        id: R1,
        reference: 'SR-11111111',
        status: 'closed',
        source: 'desk',
        priority: 'high',
        customerCode: 'ACME',
        customerName: 'ACME S.p.A.',
        siteCode: 'S-ACME-1',
        siteName: 'ACME Milano',
        assetCode: 'SN-ACME-1',
        assetName: 'Caldaia centrale',
        zoneCode: 'Z-MI',
        unitCode: 'MI',
        description: 'Caldaia in blocco',
        conditionCodes: ['E-104'],
        assignments: [
          {
            technicianCode: 'T-MI-1',
            technicianName: 'Mario Rossi',
            appointmentId: 'ap-r1',
            start: '2026-11-27T08:00:00.000Z',
            end: '2026-11-27T10:00:00.000Z',
            durationMinutes: 120,
            startedAt: '2026-11-27T08:05:00.000Z',
          },
        ],
        plannedStart: '2026-11-27T08:00:00.000Z',
        openedAt: '2026-11-20T08:00:00.000Z',
        updatedAt: '2026-11-27T10:00:00.000Z',
        closedAt: '2026-11-27T10:00:00.000Z',
        version: 6,
      });
      expect(list.items[0]?.assignments.map((a) => a.technicianName)).toEqual([
        'Mario Rossi',
        'Giulia Verdi',
      ]);
    });

    it.each([
      [{ sort: 'openedAt' }, [R1, R2, R3, R4, R5]],
      [{ sort: '-openedAt' }, [R5, R4, R3, R2, R1]],
      [{ sort: 'updatedAt' }, [R2, R3, R4, R5, R1]],
      [{ sort: '-updatedAt' }, [R1, R5, R4, R3, R2]],
      // Requests still without a plan first (by urgency), then by planned start.
      [{ sort: 'plannedStart' }, [R2, R4, R1, R3, R5]],
    ] as const)('sorts %o', async (input, expected) => {
      expect(ids(await queries.list(PEOPLE.admin, query(input)))).toEqual(expected);
    });

    it('pages with the total of the whole list', async () => {
      const page = await queries.list(PEOPLE.admin, query({ limit: 2, offset: 1 }));
      expect(ids(page)).toEqual([R1, R2]);
      expect(page).toMatchObject({ total: 5, limit: 2, offset: 1 });
      const beyond = await queries.list(PEOPLE.admin, query({ limit: 2, offset: 10 }));
      expect(beyond).toMatchObject({ items: [], total: 5 });
    });

    it.each([
      [{ status: 'assigned' }, [R3, R5]],
      [{ status: ['open', 'accepted', 'cancelled'] }, [R2, R4]],
      [{ zoneCode: 'Z-RM' }, [R3]],
      [{ unitCode: 'MI' }, [R1, R2, R5, R4]],
      [{ priority: ['high', 'critical'] }, [R3, R1]],
      [{ priority: 'normal' }, [R2, R5]],
      [{ source: 'portal' }, [R2]],
      [{ source: 'external' }, [R3]],
      [{ customerCode: 'BETA' }, [R3]],
      [{ siteCode: 'S-ACME-1' }, [R1, R2, R5, R4]],
      [{ assetCode: 'SN-ACME-1' }, [R1, R2, R5]],
      [{ technicianCode: 'T-MI-1' }, [R3, R1]],
      [{ technicianCode: 'T-MI-2' }, [R5]],
      [{ q: 'perdita' }, [R2]],
      [{ q: 'SR-2222' }, [R2]],
      [{ q: 'crm-7' }, [R3]],
      [{ q: 'Caldaia blocco' }, [R1]],
      [{ q: 'caldaia' }, [R3, R1]],
      [{ q: 'SN-ACME-1', status: 'assigned' }, [R5]],
      [{ q: 'nothing-like-this' }, []],
    ] as const)('filters by %o', async (input, expected) => {
      const list = await queries.list(PEOPLE.admin, query(input));
      expect(ids(list)).toEqual(expected);
      expect(list.total).toBe(expected.length);
    });

    it.each([
      ['a Milan dispatcher', PEOPLE.deskMilan, [R1, R2, R5, R4]],
      ['a Rome dispatcher', PEOPLE.deskRome, [R3]],
      ['the head office manager', PEOPLE.manager, [R3, R1, R2, R5, R4]],
      ['an auditor', PEOPLE.auditor, [R3, R1, R2, R5, R4]],
      ['an integration', PEOPLE.integrator, [R3, R1, R2, R5, R4]],
      ['the technician who worked on R1 and is planned on R3', PEOPLE.rossi, [R3, R1]],
      ['the technician planned on R5', PEOPLE.bianchi, [R5]],
      ['a device, for its own asset', PEOPLE.betaBoiler, [R3]],
      ['a device bound to no asset', PEOPLE.mute, []],
    ] as const)('shows %s only the requests in reach', async (_who, principal, expected) => {
      const list = await queries.list(principal, query());
      expect(ids(list)).toEqual(expected);
      expect(list.total).toBe(expected.length);
    });

    it('combines scope and filters, never widening the scope', async () => {
      expect(ids(await queries.list(PEOPLE.deskMilan, query({ customerCode: 'BETA' })))).toEqual([]);
      expect(ids(await queries.list(PEOPLE.deskMilan, query({ q: 'caldaia' })))).toEqual([R1]);
    });

    it('refuses customers outright: they follow their requests in the portal, never in the desk’s views', async () => {
      for (const customer of [PEOPLE.acme, PEOPLE.beta]) {
        await expect(queries.list(customer, query())).rejects.toBeInstanceOf(ForbiddenError);
        await expect(queries.get(customer, R1)).rejects.toBeInstanceOf(ForbiddenError);
        await expect(queries.timeline(customer, R1, 'en')).rejects.toBeInstanceOf(ForbiddenError);
        await expect(queries.interventionSheet(customer, R1, 'en')).rejects.toBeInstanceOf(ForbiddenError);
        await expect(queries.assetHistory(customer, 'SN-ACME-1')).rejects.toBeInstanceOf(ForbiddenError);
        await expect(queries.siteHistory(customer, 'S-ACME-1')).rejects.toBeInstanceOf(ForbiddenError);
      }
    });
  });

  describe('get', () => {
    it('answers the detail with the commands its state allows', async () => {
      const detail = await queries.get(PEOPLE.rossi, R1);
      expect(detail).toMatchObject({
        id: R1,
        status: 'closed',
        contact: { name: 'Portineria' },
        followUpRequestIds: [],
        acceptedAt: '2026-11-20T08:05:00.000Z',
        reopenedCount: 0,
        allowedCommands: ['addNote', 'openFollowUp', 'reopen'],
        closure: {
          at: '2026-11-27T10:00:00.000Z',
          estimate: { labourMinutes: 120, technicianCodes: ['T-MI-1'] },
          labourMinutes: 110,
          travelMinutes: 30,
          travelKm: 14,
          materials: [{ itemCode: 'FILTER', quantity: 1, warehouseCode: 'VAN-T-MI-1' }],
          correctiveActions: ['Cleaned the electrode'],
          resolution: 'Boiler restarted',
        },
      });
      expect(detail).not.toHaveProperty('scope');
      expect(detail).not.toHaveProperty('searchTerms');
      expect(await queries.get(PEOPLE.deskRome, R3)).toMatchObject({
        externalReference: 'CRM-7',
        status: 'assigned',
        allowedCommands: expect.arrayContaining(['reschedule', 'unassign', 'startWork', 'renounce']),
      });
      expect((await queries.get(PEOPLE.deskMilan, R4)).cancellationReason).toBe('Duplicate');
    });

    it('answers a request out of reach exactly as a missing one', async () => {
      const missing = await queries.get(PEOPLE.deskMilan, randomUUID()).catch((error: unknown) => error);
      expect(missing).toBeInstanceOf(NotFoundError);
      for (const [principal, id] of [
        [PEOPLE.deskMilan, R3],
        [PEOPLE.bianchi, R1],
        [PEOPLE.mute, R3],
        [PEOPLE.betaBoiler, R1],
      ] as const) {
        const error = await queries.get(principal, id).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(NotFoundError);
        expect((error as Error).message).toBe(`There is no service request ${id}`);
      }
    });
  });

  describe('timeline', () => {
    it('tells every event in order, in English, with times in the site’s zone', async () => {
      const timeline = await queries.timeline(PEOPLE.deskMilan, R1, 'en');
      expect(timeline.map((entry) => [entry.revision, entry.type])).toEqual([
        [0, 'ServiceRequestOpened'],
        [1, 'ServiceRequestAccepted'],
        [2, 'ServiceRequestTechniciansAssigned'],
        [3, 'ServiceRequestWorkStarted'],
        [4, 'ServiceRequestNoteAdded'],
        [5, 'ServiceRequestClosed'],
      ]);
      expect(timeline[0]).toEqual({
        id: expect.any(String),
        revision: 0,
        type: 'ServiceRequestOpened',
        at: '2026-11-20T08:00:00.000Z',
        actor: { id: 'u-desk-mi', name: 'Desk Milano', role: 'dispatcher' },
        text: 'Desk Milano opened the request from the desk, priority high.',
        why: 'Caldaia in blocco',
      });
      expect(timeline.map((entry) => entry.text).slice(1, 4)).toEqual([
        'Desk Milano accepted the request.',
        'Desk Milano assigned Mario Rossi (T-MI-1) on 27 Nov 2026 from 09:00 to 11:00.',
        'Mario Rossi (T-MI-1) arrived on site and started work (27 Nov 2026 at 09:05).',
      ]);
      expect(timeline[4]).toMatchObject({
        actor: { name: 'Mario Rossi', role: 'technician' },
        why: 'Pump is noisy',
      });
      expect(timeline[5]?.text).toBe(
        'Mario Rossi closed the request: 1 h 50 min of work (estimate 2 h), 30 min of travel, 14 km, materials: 1 × FILTER from VAN-T-MI-1. Corrective actions: Cleaned the electrode.',
      );
    });

    it('tells it in Italian, with moves and their reasons', async () => {
      const timeline = await queries.timeline(PEOPLE.bianchi, R5, 'it');
      expect(timeline.map((entry) => entry.text)).toEqual([
        'Desk Milano ha aperto la richiesta dal desk, priorità normale.',
        "La richiesta è stata accettata automaticamente: l'organizzazione non richiede l'accettazione esplicita.",
        'Desk Milano ha assegnato Anna Bianchi (T-MI-2) il 26 nov 2026 dalle 14:00 alle 15:00.',
        'Desk Milano ha spostato Anna Bianchi (T-MI-2): ora il 3 dic 2026 dalle 10:00 alle 11:00, prima il 26 nov 2026 dalle 14:00 alle 15:00.',
      ]);
      expect(timeline[3]?.why).toBe('Customer away');
    });

    it('is as private as the request', async () => {
      await expect(queries.timeline(PEOPLE.deskRome, R1, 'en')).rejects.toBeInstanceOf(NotFoundError);
      await expect(queries.timeline(PEOPLE.bianchi, R1, 'it')).rejects.toBeInstanceOf(NotFoundError);
    });
  });

  describe('agenda', () => {
    const from = '2026-11-23T00:00:00.000Z';
    const to = '2026-12-07T00:00:00.000Z';

    it('lists a technician’s appointments once each, with their requests, crew and address', async () => {
      // The night booking sits in two weekly schedule streams: two documents, one appointment.
      const stored = await reads
        .collection(TECHNICIAN_AGENDA_COLLECTION)
        .count({ appointmentId: 'ap-r3-mi' });
      expect(stored).toBe(2);

      const agenda = await queries.agenda(PEOPLE.rossi, 'T-MI-1', from, to);
      expect(agenda).toMatchObject({
        technicianCode: 'T-MI-1',
        technicianName: 'Mario Rossi',
        timeZone: 'Europe/Rome',
        from,
        to,
      });
      expect(agenda.entries).toEqual([
        {
          appointmentId: 'ap-r1',
          technicianCode: 'T-MI-1',
          requestId: R1,
          start: '2026-11-27T08:00:00.000Z',
          end: '2026-11-27T10:00:00.000Z',
          status: 'confirmed',
          request: {
            reference: 'SR-11111111',
            status: 'closed',
            priority: 'high',
            description: 'Caldaia in blocco',
            customerCode: 'ACME',
            customerName: 'ACME S.p.A.',
            siteCode: 'S-ACME-1',
            siteName: 'ACME Milano',
            address: 'Via Torino 1, 20123 Milano, IT',
            latitude: 45.4628,
            longitude: 9.1857,
            assetCode: 'SN-ACME-1',
            assetName: 'Caldaia centrale',
            crew: [],
          },
        },
        {
          appointmentId: 'ap-r3-mi',
          technicianCode: 'T-MI-1',
          requestId: R3,
          start: '2026-11-29T22:00:00.000Z',
          end: '2026-11-30T02:00:00.000Z',
          status: 'confirmed',
          request: expect.objectContaining({
            reference: 'SR-33333333',
            priority: 'critical',
            customerName: 'Beta Banca',
            address: 'Via del Corso 10, 00186 Roma, IT',
            crew: ['Giulia Verdi'],
          }),
        },
      ]);
    });

    it('keeps to the half-open window', async () => {
      const after = await queries.agenda(PEOPLE.rossi, 'T-MI-1', '2026-11-30T02:00:00.000Z', to);
      expect(after.entries).toEqual([]);
      const overlapping = await queries.agenda(PEOPLE.rossi, 'T-MI-1', '2026-11-30T01:59:00+00:00', to);
      expect(overlapping.from).toBe('2026-11-30T01:59:00.000Z');
      expect(overlapping.entries.map((e) => e.appointmentId)).toEqual(['ap-r3-mi']);
    });

    it('shows a moved appointment where it went, in the technician’s own zone', async () => {
      const agenda = await queries.agenda(PEOPLE.bianchi, 'T-MI-2', from, to);
      expect(agenda.timeZone).toBe('Europe/London');
      expect(agenda.entries.map((e) => [e.appointmentId, e.start, e.status])).toEqual([
        ['ap-r5', '2026-12-03T09:00:00.000Z', 'confirmed'],
      ]);
      const rome = await queries.agenda(PEOPLE.admin, 'T-RM-1', from, to);
      expect(rome.timeZone).toBe('Europe/Rome');
      expect(rome.entries[0]?.request?.crew).toEqual(['Mario Rossi']);
    });

    it('shows a desk the technicians of its centre, without requests it may not see', async () => {
      const agenda = await queries.agenda(PEOPLE.deskMilan, 'T-MI-1', from, to);
      expect(agenda.entries.map((e) => e.appointmentId)).toEqual(['ap-r1', 'ap-r3-mi']);
      expect(agenda.entries[0]?.request?.reference).toBe('SR-11111111');
      // Rome's emergency keeps the slot busy, but its details are Rome's.
      expect(agenda.entries[1]).not.toHaveProperty('request');
      await expect(queries.agenda(PEOPLE.deskRome, 'T-MI-1', from, to)).rejects.toBeInstanceOf(NotFoundError);
    });

    it('refuses other technicians’ agendas to a technician, and every agenda to customers', async () => {
      await expect(queries.agenda(PEOPLE.rossi, 'T-MI-2', from, to)).rejects.toBeInstanceOf(NotFoundError);
      await expect(queries.agenda(PEOPLE.acme, 'T-MI-1', from, to)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(queries.agenda(PEOPLE.admin, 'NOBODY', from, to)).rejects.toBeInstanceOf(NotFoundError);
      await expect(queries.agenda(PEOPLE.admin, 'T-MI-1', 'yesterday', to)).rejects.toBeInstanceOf(
        FieldValidationError,
      );
    });
  });

  describe('history', () => {
    it('lists an asset’s interventions newest first, with closures, and its record’s changes', async () => {
      const history = await queries.assetHistory(PEOPLE.admin, 'SN-ACME-1');
      expect(history.code).toBe('SN-ACME-1');
      expect(history.interventions.map((i) => i.id)).toEqual([R5, R2, R1]);
      expect(history.interventions[2]?.closure?.resolution).toBe('Boiler restarted');
      expect(history.interventions[0]).not.toHaveProperty('closure');
      expect(history.changes).toEqual([
        {
          at: '2026-11-28T08:00:00.000Z',
          type: 'AssetChanged',
          actorName: 'Admin',
          summary: 'Changed: configuration.',
        },
        {
          at: '2026-11-01T08:00:00.000Z',
          type: 'AssetRegistered',
          actorName: 'Admin',
          summary: 'Registered.',
        },
      ]);
      expect((await queries.assetHistory(PEOPLE.deskMilan, 'SN-ACME-1', 'it')).changes[1]?.summary).toBe(
        'Registrato.',
      );
    });

    it('lists a site’s interventions, and keeps each history to whoever may read the record', async () => {
      const history = await queries.siteHistory(PEOPLE.deskMilan, 'S-ACME-1');
      expect(history.interventions.map((i) => i.id)).toEqual([R5, R4, R2, R1]);
      expect(history.changes.map((c) => c.type)).toEqual(['SiteRegistered']);
      await expect(queries.siteHistory(PEOPLE.deskRome, 'S-ACME-1')).rejects.toBeInstanceOf(NotFoundError);
      await expect(queries.assetHistory(PEOPLE.deskRome, 'SN-ACME-1')).rejects.toBeInstanceOf(NotFoundError);
      await expect(queries.assetHistory(PEOPLE.rossi, 'SN-ACME-1')).rejects.toBeInstanceOf(ForbiddenError);
    });
  });

  describe('intervention sheet', () => {
    it('gathers what the technician needs on site', async () => {
      const sheet = await queries.interventionSheet(PEOPLE.rossi, R1, 'en');
      expect(sheet.request).toMatchObject({
        id: R1,
        status: 'closed',
        allowedCommands: ['addNote', 'openFollowUp', 'reopen'],
      });
      expect(sheet.conditions).toEqual([
        {
          code: 'E-104',
          name: 'Burner lockout',
          description: 'The burner locks out after three ignition attempts',
          expectedMinutes: 90,
          requiredSkillCodes: [],
          materials: [{ itemCode: 'FILTER', quantity: 1 }],
          tools: ['Multimeter'],
          correctiveActions: [
            {
              title: 'Check the ignition electrode',
              steps: ['Switch the boiler off', 'Clean the electrode'],
              attachmentIds: [WIRING_ID],
            },
          ],
        },
      ]);
      // The boiler's own contract beats the customer's general one.
      expect(sheet.contract).toEqual({
        code: 'C-ACME-BOILER',
        name: 'ACME boiler gold',
        serviceLevel: { priority: 'high', responseMinutes: 60, restorationMinutes: 240 },
        includesLabour: true,
        includesMaterials: true,
        validTo: '2027-12-31',
        notes: 'Spare parts included',
      });
      expect(sheet.site).toEqual({
        code: 'S-ACME-1',
        name: 'ACME Milano',
        address: 'Via Torino 1, 20123 Milano, IT',
        latitude: 45.4628,
        longitude: 9.1857,
        accessNotes: 'Ingresso dal cortile, chiedere in portineria',
        contacts: [{ name: 'Portineria', phone: '+39 02 1234567' }],
      });
      expect(sheet.asset).toEqual({
        code: 'SN-ACME-1',
        name: 'Caldaia centrale',
        modelCode: 'BOILER-X',
        modelName: 'Boiler X 24kW',
        configuration: { firmware: '2.2', power: 24 },
      });
      expect(sheet.previousInterventions.map((i) => i.id)).toEqual([R5, R2]);
      expect(sheet.attachments).toEqual([
        { id: WIRING_ID, from: 'Condition Burner lockout (E-104): Check the ignition electrode' },
        { id: MANUAL_ID, from: 'Model Boiler X 24kW (BOILER-X)' },
      ]);
      expect(sheet.renounceReasons.map((r) => r.code)).toEqual([
        'ILLNESS',
        'VEHICLE',
        'MISSING-PARTS',
        'WRONG-SKILLS',
        'OTHER',
      ]);
    });

    it('finds the general contract and the site’s history for a request without an asset, in Italian', async () => {
      const sheet = await queries.interventionSheet(PEOPLE.deskMilan, R4, 'it');
      expect(sheet.contract).toMatchObject({ code: 'C-ACME', name: 'ACME silver', includesMaterials: false });
      // The general contract names no service level for a low priority.
      expect(sheet.contract).not.toHaveProperty('serviceLevel');
      expect(sheet).not.toHaveProperty('asset');
      expect(sheet.conditions).toEqual([]);
      expect(sheet.attachments).toEqual([]);
      expect(sheet.previousInterventions.map((i) => i.id)).toEqual([R5, R2, R1]);
      expect(sheet.renounceReasons[0]).toEqual({ code: 'ILLNESS', label: 'Malattia' });
    });

    it('is for the technicians of the request only', async () => {
      await expect(queries.interventionSheet(PEOPLE.bianchi, R1, 'en')).rejects.toBeInstanceOf(NotFoundError);
      await expect(queries.interventionSheet(PEOPLE.rossi, R5, 'en')).rejects.toBeInstanceOf(NotFoundError);
      expect((await queries.interventionSheet(PEOPLE.rossi, R3, 'en')).request.id).toBe(R3);
    });

    it('offers the organisation’s renounce reasons once they are configured', async () => {
      await masterData.write(
        context(PEOPLE.admin, '2026-11-29T08:00:00.000Z'),
        'parameters',
        'register',
        'organisation',
        {
          renounceReasons: [
            { code: 'STRIKE', label: 'Sciopero' },
            { code: 'ILLNESS', label: 'Malattia' },
          ],
          priorities: [{ code: 'high', label: 'Alta', colour: '#ff0000' }],
        },
      );
      const sheet = await queries.interventionSheet(PEOPLE.rossi, R1, 'en');
      expect(sheet.renounceReasons).toEqual([
        { code: 'STRIKE', label: 'Sciopero' },
        { code: 'ILLNESS', label: 'Malattia' },
      ]);
    });
  });
});
