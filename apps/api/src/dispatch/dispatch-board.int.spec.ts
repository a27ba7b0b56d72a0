import type { BoardAnswer, ServiceRequestDetail } from '@fieldstream/api-contract';
import { withOrganisationApi } from '../testing/organisation-fixture';
import { act, getJson, openRequest } from '../service-requests/testing/service-request-calls';

jest.setTimeout(60_000);

/** The week on the board: Monday 14 December 2026 in Milan, seven days. */
const WEEK = { from: '2026-12-14T00:00:00+01:00', to: '2026-12-21T00:00:00+01:00' };
const NEXT_WEEK = { from: '2026-12-21T00:00:00+01:00', to: '2026-12-28T00:00:00+01:00' };
const instant = (iso: string) => new Date(iso).toISOString();

describe("the dispatcher's board over HTTP", () => {
  const suite = withOrganisationApi();
  /** Rossi and Verdi together at ACME Milan on Tuesday morning. */
  let pair: ServiceRequestDetail;
  /** Bruno overnight from Sunday to Monday: one booking, held by two weekly schedules. */
  let overnight: ServiceRequestDetail;
  /** Rossi lent to Rome on Wednesday, on a request the Milan desk does not reach. */
  let lent: ServiceRequestDetail;

  beforeAll(async () => {
    const { api, admin } = suite;
    const create = async (plural: string, body: Record<string, unknown>) => {
      const response = await api.call('POST', `/api/master-data/${plural}`, admin, body);
      if (response.status !== 201) throw new Error(`${plural}: ${response.status} ${await response.text()}`);
    };
    await create('units', {
      code: 'MI-NORD',
      name: 'Milano Nord',
      type: 'team',
      parentCode: 'MI',
      country: 'IT',
      timeZone: 'Europe/Rome',
    });
    await create('zones', { code: 'Z-MI-NORD', name: 'Brianza', unitCode: 'MI-NORD', postalCodes: ['209*'] });
    await create('skills', { code: 'ELEC', name: 'Electrical' });
    await create('calendars', {
      code: 'CAL-T-MI-2',
      name: 'Verdi, seconded to London',
      purpose: 'technician',
      timeZone: 'Europe/London',
    });
    await create('technicians', {
      code: 'T-MI-2',
      name: 'Luca Verdi',
      unitCode: 'MI',
      skills: [{ skillCode: 'ELEC', level: 2 }],
      calendarCode: 'CAL-T-MI-2',
    });
    await create('technicians', { code: 'T-MI-3', name: 'Carla Neri', unitCode: 'MI', active: false });
    await create('technicians', { code: 'T-MI-4', name: 'Anna Bruno', unitCode: 'MI' });
    await create('technicians', {
      code: 'T-MI-N1',
      name: 'Anna Bruno',
      unitCode: 'MI-NORD',
      roleCodes: ['BOILER-TECH'],
    });
    await create('technicians', { code: 'T-MI-9', name: 'Bruno Ritirato', unitCode: 'MI' });
    const retired = await api.call('POST', '/api/master-data/technicians/T-MI-9/retire', admin, {
      reason: 'Left the company',
    });
    if (retired.status !== 200) throw new Error(`retire: ${retired.status} ${await retired.text()}`);

    const assign = async (
      token: string,
      request: ServiceRequestDetail,
      assignments: { technicianCode: string; start: string; durationMinutes: number }[],
    ) => {
      const accepted = await act(api, token, 'POST', `${request.id}/accept`, {}, { 'If-Match': '"1"' });
      await act(
        api,
        token,
        'POST',
        `${request.id}/assignments`,
        { assignments },
        {
          'If-Match': `"${accepted.version}"`,
        },
      );
      return getJson<ServiceRequestDetail>(api, token, `/api/service-requests/${request.id}`);
    };
    const desk = suite.tokens.dispatcherMi;
    pair = await assign(
      desk,
      await openRequest(api, desk, {
        customerCode: 'ACME',
        siteCode: 'S-ACME-1',
        description: 'Boiler and its electrical panel.',
        priority: 'high',
      }),
      [
        { technicianCode: 'T-MI-1', start: '2026-12-15T09:00:00+01:00', durationMinutes: 120 },
        { technicianCode: 'T-MI-2', start: '2026-12-15T09:00:00+01:00', durationMinutes: 120 },
      ],
    );
    overnight = await assign(
      desk,
      await openRequest(api, desk, {
        customerCode: 'ACME',
        siteCode: 'S-ACME-1',
        description: 'Night shutdown for maintenance.',
        priority: 'low',
      }),
      [{ technicianCode: 'T-MI-N1', start: '2026-12-20T23:00:00+01:00', durationMinutes: 240 }],
    );
    lent = await assign(
      admin,
      await openRequest(api, admin, {
        customerCode: 'BETA',
        siteCode: 'S-BETA-1',
        description: 'Branch boiler.',
        priority: 'normal',
      }),
      [{ technicianCode: 'T-MI-1', start: '2026-12-16T14:00:00+01:00', durationMinutes: 60 }],
    );
  });

  const query = (window: { from: string; to: string }, filters: Record<string, string> = {}) =>
    `/api/dispatch/board?${new URLSearchParams({ ...window, ...filters })}`;
  const board = (token: string, filters: Record<string, string> = {}, window = WEEK) =>
    getJson<BoardAnswer>(suite.api, token, query(window, filters));
  const rows = (answer: BoardAnswer) => answer.technicians.map((technician) => technician.code);

  it("shows the desk's technicians by name, with every appointment of the week and its request", async () => {
    const answer = await board(suite.tokens.dispatcherMi);
    expect(answer.from).toBe('2026-12-13T23:00:00.000Z');
    expect(answer.to).toBe('2026-12-20T23:00:00.000Z');
    expect(answer.truncated).toBe(false);
    // The team below Milan included, the retired technician left out, the inactive one shown.
    expect(rows(answer)).toEqual(['T-MI-4', 'T-MI-N1', 'T-MI-3', 'T-MI-2', 'T-MI-1']);
    const byCode = Object.fromEntries(answer.technicians.map((technician) => [technician.code, technician]));
    expect(byCode['T-MI-2']).toEqual({
      code: 'T-MI-2',
      name: 'Luca Verdi',
      unitCode: 'MI',
      unitName: 'Milano',
      timeZone: 'Europe/London',
      skillCodes: ['ELEC'],
      active: true,
    });
    expect(byCode['T-MI-N1']).toEqual({
      code: 'T-MI-N1',
      name: 'Anna Bruno',
      unitCode: 'MI-NORD',
      unitName: 'Milano Nord',
      timeZone: 'Europe/Rome',
      skillCodes: ['GAS'],
      active: true,
    });
    expect(byCode['T-MI-3']!.active).toBe(false);

    const ofPair = answer.appointments.filter((appointment) => appointment.requestId === pair.id);
    expect(ofPair.map((appointment) => appointment.technicianCode).sort()).toEqual(['T-MI-1', 'T-MI-2']);
    const rossi = ofPair.find((appointment) => appointment.technicianCode === 'T-MI-1')!;
    expect(rossi).toEqual({
      appointmentId: pair.assignments.find((a) => a.technicianCode === 'T-MI-1')!.appointmentId,
      technicianCode: 'T-MI-1',
      requestId: pair.id,
      start: instant('2026-12-15T09:00:00+01:00'),
      end: instant('2026-12-15T11:00:00+01:00'),
      status: expect.stringMatching(/^(reserved|confirmed)$/),
      request: {
        reference: pair.reference,
        status: 'assigned',
        priority: 'high',
        version: pair.version,
        customerName: 'ACME S.p.A.',
        siteName: 'ACME Milano',
        crew: ['T-MI-2'],
      },
    });
    expect(ofPair.find((appointment) => appointment.technicianCode === 'T-MI-2')!.request!.crew).toEqual([
      'T-MI-1',
    ]);
  });

  it('counts a booking held by two weekly schedules once, and keeps to the window', async () => {
    const thisWeek = await board(suite.tokens.dispatcherMi);
    expect(
      thisWeek.appointments.filter((appointment) => appointment.requestId === overnight.id),
    ).toMatchObject([
      {
        technicianCode: 'T-MI-N1',
        start: instant('2026-12-20T23:00:00+01:00'),
        end: instant('2026-12-21T03:00:00+01:00'),
        request: { priority: 'low', crew: [] },
      },
    ]);
    const nextWeek = await board(suite.tokens.dispatcherMi, {}, NEXT_WEEK);
    expect(nextWeek.appointments.map((appointment) => appointment.requestId)).toEqual([overnight.id]);
  });

  it('shows the busy time of a request out of reach, without its words', async () => {
    const answer = await board(suite.tokens.dispatcherMi);
    expect(answer.appointments.filter((appointment) => appointment.requestId === lent.id)).toEqual([
      {
        appointmentId: lent.assignments[0]!.appointmentId,
        technicianCode: 'T-MI-1',
        requestId: lent.id,
        start: instant('2026-12-16T14:00:00+01:00'),
        end: instant('2026-12-16T15:00:00+01:00'),
        status: expect.any(String),
      },
    ]);
    // The head office's manager reaches it.
    const manager = await board(suite.tokens.manager, { unitCode: 'MI' });
    const seen = manager.appointments.find((appointment) => appointment.requestId === lent.id);
    expect(seen!.request).toMatchObject({ reference: lent.reference, siteName: 'Beta filiale Roma' });
  });

  it('narrows the rows by unit (and the units below), by zone and by skill, all at once', async () => {
    const desk = suite.tokens.dispatcherMi;
    expect(rows(await board(desk, { unitCode: 'MI' }))).toEqual([
      'T-MI-4',
      'T-MI-N1',
      'T-MI-3',
      'T-MI-2',
      'T-MI-1',
    ]);
    expect(rows(await board(desk, { unitCode: 'MI-NORD' }))).toEqual(['T-MI-N1']);
    expect(rows(await board(desk, { zoneCode: 'Z-MI-NORD' }))).toEqual(['T-MI-N1']);
    expect(rows(await board(desk, { skillCode: 'GAS' }))).toEqual(['T-MI-N1', 'T-MI-1']);
    expect(rows(await board(desk, { skillCode: 'GAS', unitCode: 'MI-NORD' }))).toEqual(['T-MI-N1']);
    const electrical = await board(desk, { zoneCode: 'Z-MI', skillCode: 'ELEC' });
    expect(rows(electrical)).toEqual(['T-MI-2']);
    expect(
      electrical.appointments.map((appointment) => [appointment.technicianCode, appointment.requestId]),
    ).toEqual([['T-MI-2', pair.id]]);
    // The head office reaches every centre; a zone narrows it to the centre serving it.
    expect(rows(await board(suite.tokens.manager, { zoneCode: 'Z-RM' }))).toEqual(['T-RM-1']);
    // An administrator, bound to no unit, reaches every technician as master data lets them.
    expect(rows(await board(suite.admin, { unitCode: 'RM' }))).toEqual(['T-RM-1']);
  });

  it("does not show another centre's technicians", async () => {
    const rome = await board(suite.tokens.dispatcherRm);
    expect(rows(rome)).toEqual(['T-RM-1']);
    expect(rome.appointments).toEqual([]);
    // Milan's unit and zone are no more known to Rome than a missing one.
    for (const filters of [{ unitCode: 'MI' }, { zoneCode: 'Z-MI' }] as Record<string, string>[]) {
      const response = await suite.api.call('GET', query(WEEK, filters), suite.tokens.dispatcherRm);
      expect([filters, response.status]).toEqual([filters, 404]);
    }
  });

  it('is for planners: a technician and a customer are refused', async () => {
    for (const token of [suite.tokens.technicianMi, suite.tokens.customerAcme]) {
      const response = await suite.api.call('GET', query(WEEK), token);
      expect(response.status).toBe(403);
    }
  });

  it('names a bad window and an unknown filter', async () => {
    const problem = async (path: string) => {
      const response = await suite.api.call('GET', path, suite.tokens.dispatcherMi);
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    const backwards = await problem(query({ from: WEEK.to, to: WEEK.from }));
    expect(backwards).toMatchObject({
      status: 400,
      body: { code: 'validation_failed', errors: [{ field: 'to', message: '`to` must be after `from`' }] },
    });
    const tooLong = await problem(query({ from: WEEK.from, to: '2026-12-29T00:00:00+01:00' }));
    expect(tooLong).toMatchObject({
      status: 400,
      body: { errors: [{ field: 'to', message: 'A board covers at most 14 days' }] },
    });
    const noStart = await problem(`/api/dispatch/board?to=${encodeURIComponent(WEEK.to)}`);
    expect(noStart.status).toBe(400);
    expect(noStart.body['errors']).toEqual([expect.objectContaining({ field: 'from' })]);
    const unknownZone = await problem(query(WEEK, { zoneCode: 'Z-NOWHERE' }));
    expect(unknownZone).toMatchObject({
      status: 404,
      body: { resource: { kind: 'zone', id: 'Z-NOWHERE' } },
    });
    expect((await problem(query(WEEK, { skillCode: 'PLUMBING' }))).status).toBe(404);
    expect((await problem(query(WEEK, { unitCode: 'NAPOLI' }))).status).toBe(404);
  });
});
