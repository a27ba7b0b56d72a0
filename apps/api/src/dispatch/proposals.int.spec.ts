import type { AssignmentImpact, ProposalAnswer, ServiceRequestDetail } from '@fieldstream/api-contract';
import { Temporal } from 'temporal-polyfill';
import { withOrganisationApi } from '../testing/organisation-fixture';
import { act, getJson, openRequest } from '../service-requests/testing/service-request-calls';

jest.setTimeout(60_000);

/** The next Tuesday at least two days ahead, 07:00 in Milan: a working day whatever day the suite runs. */
function nextTuesdayMorning(): Temporal.ZonedDateTime {
  let day = Temporal.Now.zonedDateTimeISO('Europe/Rome').toPlainDate().add({ days: 2 });
  while (day.dayOfWeek !== 2) day = day.add({ days: 1 });
  // 8 December is a public holiday in Italy: a Tuesday that falls on it moves a week on.
  if (day.month === 12 && day.day === 8) day = day.add({ days: 7 });
  return day.toZonedDateTime({ timeZone: 'Europe/Rome', plainTime: '07:00' });
}
const at = (day: Temporal.ZonedDateTime, time: string) =>
  day.withPlainTime(time).toInstant().toString({ smallestUnit: 'second' });
const sameInstant = (iso: string) => new Date(iso).toISOString();

describe('technician proposals over HTTP', () => {
  const suite = withOrganisationApi();
  const tuesday = nextTuesdayMorning();
  let requestId: string;
  let blockingRequestId: string;

  beforeAll(async () => {
    const { api, admin } = suite;
    const create = async (plural: string, body: Record<string, unknown>) => {
      const response = await api.call('POST', `/api/master-data/${plural}`, admin, body);
      if (response.status !== 201) throw new Error(`${plural}: ${response.status} ${await response.text()}`);
    };
    const certificate = { skillCode: 'GAS', level: 3, certifiedUntil: '2099-12-31' };
    await create('skills', { code: 'ELEC', name: 'Electrical' });
    await create('calendars', {
      code: 'CAL-T-MI-4',
      name: 'Neri',
      purpose: 'technician',
      timeZone: 'Europe/Rome',
      exceptions: [
        {
          kind: 'closed',
          from: tuesday.toPlainDate().subtract({ days: 1 }).toString(),
          to: tuesday.toPlainDate().add({ days: 40 }).toString(),
          reason: 'Parental leave',
        },
      ],
    });
    await create('technicians', {
      code: 'T-MI-2',
      name: 'Luca Verdi',
      unitCode: 'MI',
      skills: [certificate],
    });
    await create('technicians', {
      code: 'T-MI-3',
      name: 'Sara Gallo',
      unitCode: 'MI',
      skills: [{ skillCode: 'ELEC', level: 4 }],
    });
    await create('technicians', {
      code: 'T-MI-4',
      name: 'Paolo Neri',
      unitCode: 'MI',
      skills: [certificate],
      calendarCode: 'CAL-T-MI-4',
    });
    await create('conditions', {
      code: 'E04',
      name: 'Ignition failure',
      category: 'fault',
      precision: 'generic',
      requiredSkillCodes: ['GAS'],
      expectedMinutes: 90,
      materials: [{ itemCode: 'FILTER', quantity: 1 }],
    });
    await create('sites', {
      code: 'S-ACME-MONZA',
      name: 'ACME Monza',
      customerCode: 'ACME',
      address: { street: 'Via Italia 1', city: 'Monza', postalCode: '20900', country: 'IT' },
      location: { lat: 45.5845, lon: 9.2744 },
      timeZone: 'Europe/Rome',
    });

    const desk = suite.tokens.dispatcherMi;
    const request = await openRequest(api, desk, {
      customerCode: 'ACME',
      siteCode: 'S-ACME-1',
      assetCode: 'SN-ACME-1',
      description: 'No ignition, E04.',
      priority: 'high',
      conditionCodes: ['E04'],
    });
    requestId = request.id;
    // Luca Verdi is in Monza from 08:00 to 09:00 that Tuesday, on another request.
    const blocking = await openRequest(api, desk, {
      customerCode: 'ACME',
      siteCode: 'S-ACME-MONZA',
      description: 'Yearly check.',
      priority: 'low',
    });
    blockingRequestId = blocking.id;
    const accepted = await act(api, desk, 'POST', `${blocking.id}/accept`, {}, { 'If-Match': '"1"' });
    await act(
      api,
      desk,
      'POST',
      `${blocking.id}/assignments`,
      { assignments: [{ technicianCode: 'T-MI-2', start: at(tuesday, '08:00'), durationMinutes: 60 }] },
      { 'If-Match': `"${accepted.version}"` },
    );
  });

  const proposalsFor = (token: string, query = `?notBefore=${encodeURIComponent(at(tuesday, '07:00'))}`) =>
    getJson<ProposalAnswer>(suite.api, token, `/api/service-requests/${requestId}/proposals${query}`);

  it('proposes who can do it with the earliest start after the drive from the previous job, and says why the others cannot', async () => {
    const answer = await proposalsFor(suite.tokens.dispatcherMi);
    expect(answer.job).toMatchObject({
      requestId,
      siteCode: 'S-ACME-1',
      zoneCode: 'Z-MI',
      timeZone: 'Europe/Rome',
      priority: 'high',
      durationMinutes: 90,
      requiredSkills: [{ skillCode: 'GAS', minLevel: 1 }],
      materials: [{ itemCode: 'FILTER', quantity: 1 }],
      notBefore: sameInstant(at(tuesday, '07:00')),
    });
    // The Milan desk reaches the Milan technicians only.
    expect(answer.proposals.map((p) => p.technicianCode).sort()).toEqual([
      'T-MI-1',
      'T-MI-2',
      'T-MI-3',
      'T-MI-4',
    ]);

    const [first, ...rest] = answer.proposals;
    expect(first).toMatchObject({
      technicianCode: 'T-MI-2',
      status: 'proposed',
      zone: 'own',
      unitCode: 'MI',
    });
    // Monza to the Milan site: ~19.5 km by road at 40 km/h, 30 minutes after the 09:00 end.
    expect(first!.slot).toMatchObject({
      start: sameInstant(at(tuesday, '09:30')),
      end: sameInstant(at(tuesday, '11:00')),
      travelMinutes: 30,
      after: { label: expect.stringContaining('ACME Monza') },
    });
    expect(first!.counterfactual).toMatchObject({
      start: sameInstant(at(tuesday, '08:00')),
      ifMoves: { requestId: blockingRequestId },
    });
    expect(first!.score!.criteria.map((c) => c.criterion)).toEqual([
      'start',
      'deadline',
      'zone',
      'travel',
      'materials',
      'skills',
      'workload',
    ]);
    // No van, nothing on hand in Milan: the filter is missing.
    expect(first!.materials).toMatchObject({ status: 'missing' });

    const why = Object.fromEntries(rest.map((p) => [p.technicianCode, p]));
    expect(why['T-MI-1']).toMatchObject({
      status: 'excluded',
      exclusions: [{ code: 'certificate_missing', skillCode: 'GAS' }],
    });
    expect(why['T-MI-3']).toMatchObject({
      status: 'excluded',
      exclusions: [{ code: 'missing_skill', skillCode: 'GAS', minLevel: 1 }],
    });
    expect(why['T-MI-4']!.exclusions).toEqual([
      {
        code: 'unavailable',
        layer: 'Paolo Neri: Neri',
        reason: 'Parental leave',
        until: sameInstant(at(tuesday.add({ days: 41 }), '00:00')),
      },
    ]);
    if (answer.job.deadline) {
      expect(first!.slot!.withinDeadline).toBe(
        Date.parse(first!.slot!.end) <= Date.parse(answer.job.deadline),
      );
    }
  });

  it('counts materials on hand: a filter in the Milan warehouse is a pick-up, not missing', async () => {
    const stocked = await suite.api.call('POST', '/api/stock/WH-MI/movements', suite.admin, {
      type: 'receive',
      itemCode: 'FILTER',
      quantity: 3,
      reason: 'Restock',
    });
    expect(stocked.status).toBeLessThan(300);
    // The stock read model catches up with the receipt shortly after the command answers.
    let verdict: string | undefined;
    for (let attempt = 0; attempt < 50 && verdict !== 'warehouse'; attempt++) {
      const answer = await proposalsFor(suite.tokens.dispatcherMi);
      verdict = answer.proposals.find((p) => p.technicianCode === 'T-MI-2')!.materials.status;
      if (verdict !== 'warehouse') await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(verdict).toBe('warehouse');
  });

  it('answers a what-if for a site and skills, with no request behind it', async () => {
    const response = await suite.api.call('POST', '/api/proposals', suite.tokens.dispatcherMi, {
      siteCode: 'S-ACME-MONZA',
      requiredSkills: [{ skillCode: 'ELEC', minLevel: 3 }],
      durationMinutes: 45,
      priority: 'normal',
      notBefore: at(tuesday, '07:00'),
    });
    expect(response.status).toBe(200);
    const answer = (await response.json()) as ProposalAnswer;
    expect(answer.job).toMatchObject({ siteCode: 'S-ACME-MONZA', durationMinutes: 45 });
    expect(answer.job.requestId).toBeUndefined();
    const proposed = answer.proposals.filter((p) => p.status === 'proposed').map((p) => p.technicianCode);
    expect(proposed).toEqual(['T-MI-3']);
    expect(answer.proposals[0]!.slot!.start).toBe(sameInstant(at(tuesday, '08:00')));
  });

  it('answers a what-if asked from now, with no start given (as the desk asks it)', async () => {
    const asked = Date.now();
    const response = await suite.api.call('POST', '/api/proposals', suite.tokens.dispatcherMi, {
      siteCode: 'S-ACME-1',
      requiredSkills: [{ skillCode: 'GAS', minLevel: 1 }],
      priority: 'critical',
    });
    expect(response.status).toBe(200);
    const answer = (await response.json()) as ProposalAnswer;
    const notBefore = Date.parse(answer.job.notBefore);
    expect(notBefore).toBeGreaterThanOrEqual(asked);
    expect(notBefore).toBeLessThanOrEqual(Date.now());
    expect(answer.proposals.map((p) => p.technicianCode)).toContain('T-MI-2');
  });

  it('proposes a crew when no one holds every skill: both free at the same start', async () => {
    const response = await suite.api.call('POST', '/api/proposals', suite.tokens.dispatcherMi, {
      siteCode: 'S-ACME-1',
      requiredSkills: [
        { skillCode: 'GAS', minLevel: 1 },
        { skillCode: 'ELEC', minLevel: 1 },
      ],
      durationMinutes: 60,
      notBefore: at(tuesday, '07:00'),
    });
    expect(response.status).toBe(200);
    const answer = (await response.json()) as ProposalAnswer;
    expect(answer.proposals.filter((p) => p.status === 'proposed')).toEqual([]);
    // Verdi (gas) is free after the drive back from Monza, Gallo (electrical) all morning.
    expect(answer.crews[0]).toEqual({
      members: [
        { technicianCode: 'T-MI-2', name: 'Luca Verdi', skillCodes: ['GAS'] },
        { technicianCode: 'T-MI-3', name: 'Sara Gallo', skillCodes: ['ELEC'] },
      ],
      start: sameInstant(at(tuesday, '09:30')),
      end: sameInstant(at(tuesday, '10:30')),
    });
  });

  it('refuses who does not plan, hides what is out of reach, and names bad input', async () => {
    const technician = await suite.api.call(
      'GET',
      `/api/service-requests/${requestId}/proposals`,
      suite.tokens.technicianMi,
    );
    expect(technician.status).toBe(403);
    const rome = await suite.api.call(
      'GET',
      `/api/service-requests/${requestId}/proposals`,
      suite.tokens.dispatcherRm,
    );
    expect(rome.status).toBe(404);
    const romeWhatIf = await suite.api.call('POST', '/api/proposals', suite.tokens.dispatcherRm, {
      siteCode: 'S-ACME-1',
    });
    expect(romeWhatIf.status).toBe(404);
    const bad = await suite.api.call(
      'GET',
      `/api/service-requests/${requestId}/proposals?horizonDays=500`,
      suite.tokens.dispatcherMi,
    );
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain('horizonDays');
    const badBody = await suite.api.call('POST', '/api/proposals', suite.tokens.dispatcherMi, {
      siteCode: 'S-ACME-1',
      durationMinutes: -5,
    });
    expect(badBody.status).toBe(400);
  });

  it('previews what an emergency would push aside, with service levels and who is told, and writes nothing', async () => {
    const desk = suite.tokens.dispatcherMi;
    const before = await getJson<ServiceRequestDetail>(
      suite.api,
      desk,
      `/api/service-requests/${blockingRequestId}`,
    );
    const overMonza = {
      assignments: [{ technicianCode: 'T-MI-2', start: at(tuesday, '08:00'), durationMinutes: 60 }],
    };
    const preview = async (body: unknown, token = desk) => {
      const response = await suite.api.call(
        'POST',
        `/api/service-requests/${requestId}/assignments/impact`,
        token,
        body,
      );
      return { status: response.status, body: (await response.json()) as AssignmentImpact };
    };
    const unnamed = await preview(overMonza);
    expect(unnamed.status).toBe(200);
    expect(unnamed.body).toMatchObject({ clear: false, unnamed: 1 });
    expect(unnamed.body.displaced).toEqual([
      {
        technicianCode: 'T-MI-2',
        appointmentId: before.assignments[0]!.appointmentId,
        requestId: blockingRequestId,
        reference: before.reference,
        start: sameInstant(at(tuesday, '08:00')),
        end: sameInstant(at(tuesday, '09:00')),
        priority: 'low',
        customerName: 'ACME S.p.A.',
        siteName: 'ACME Monza',
        slaRisk: 'none',
        notified: [
          { kind: 'technician', code: 'T-MI-2', name: 'Luca Verdi' },
          { kind: 'desk', unitCode: 'MI' },
        ],
      },
    ]);
    const named = await preview({
      ...overMonza,
      displace: [{ appointmentId: before.assignments[0]!.appointmentId, action: 'suspend' }],
    });
    expect(named.body).toMatchObject({ clear: false, unnamed: 0, displaced: [{ action: 'suspend' }] });
    const free = await preview({
      assignments: [{ technicianCode: 'T-MI-3', start: at(tuesday, '08:00'), durationMinutes: 60 }],
    });
    expect(free.body).toEqual({ clear: true, unnamed: 0, displaced: [] });
    expect((await preview(overMonza, suite.tokens.technicianMi)).status).toBe(403);
    expect((await preview({ assignments: [] })).status).toBe(400);

    const after = await getJson<ServiceRequestDetail>(
      suite.api,
      desk,
      `/api/service-requests/${blockingRequestId}`,
    );
    expect(after).toEqual(before);
  });

  it('does not let the request stand in its own way: once assigned, its own appointment is not a booking', async () => {
    const detail = await getJson<ServiceRequestDetail>(
      suite.api,
      suite.tokens.dispatcherMi,
      `/api/service-requests/${requestId}`,
    );
    const accepted = await act(
      suite.api,
      suite.tokens.dispatcherMi,
      'POST',
      `${requestId}/accept`,
      {},
      {
        'If-Match': `"${detail.version}"`,
      },
    );
    await act(
      suite.api,
      suite.tokens.dispatcherMi,
      'POST',
      `${requestId}/assignments`,
      { assignments: [{ technicianCode: 'T-MI-2', start: at(tuesday, '09:30'), durationMinutes: 90 }] },
      { 'If-Match': `"${accepted.version}"` },
    );
    const answer = await proposalsFor(suite.tokens.dispatcherMi);
    const verdi = answer.proposals.find((p) => p.technicianCode === 'T-MI-2')!;
    expect(verdi.slot!.start).toBe(sameInstant(at(tuesday, '09:30')));
  });
});
