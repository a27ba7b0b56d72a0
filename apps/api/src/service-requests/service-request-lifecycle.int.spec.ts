import type { Agenda, History, ServiceRequestDetail, TimelineEntry } from '@fieldstream/api-contract';
import { withOrganisationApi } from '../testing/organisation-fixture';
import { act, getJson, openRequest } from './testing/service-request-calls';

/** Tuesday 1 December 2026, 09:00 in Milan. */
const SLOT = { technicianCode: 'T-MI-1', start: '2026-12-01T09:00:00+01:00', durationMinutes: 120 };
const AGENDA_DAY = '/api/technicians/T-MI-1/agenda?from=2026-12-01T00:00:00Z&to=2026-12-02T00:00:00Z';

// Each test walks a request through several commands, each waiting for the read models: on a
// busy machine that takes longer than jest's default 5 s.
jest.setTimeout(30_000);

describe('a service request walked from open to close over HTTP', () => {
  const suite = withOrganisationApi();

  /** Everything a desk shows of the request, read back after each step. */
  async function lookAt(id: string) {
    const response = await suite.api.call('GET', `/api/service-requests/${id}`, suite.tokens.dispatcherMi);
    expect(response.status).toBe(200);
    const detail = (await response.json()) as ServiceRequestDetail;
    // The ETag is the version the body shows: what the next If-Match sends.
    expect(response.headers.get('etag')).toBe(`"${detail.version}"`);
    const token = suite.tokens.dispatcherMi;
    const timelineEn = await getJson<TimelineEntry[]>(
      suite.api,
      token,
      `/api/service-requests/${id}/timeline?lang=en`,
    );
    const timelineIt = await getJson<TimelineEntry[]>(
      suite.api,
      token,
      `/api/service-requests/${id}/timeline`,
      {
        'accept-language': 'it-IT,it;q=0.9,en;q=0.5',
      },
    );
    // Same events, told in two languages.
    expect(timelineIt.map((entry) => entry.type)).toEqual(timelineEn.map((entry) => entry.type));
    for (const [index, entry] of timelineEn.entries()) {
      expect(entry.text.length).toBeGreaterThan(0);
      expect(timelineIt[index]!.text).not.toBe(entry.text);
    }
    const agenda = await getJson<Agenda>(suite.api, token, AGENDA_DAY);
    const history = await getJson<History>(suite.api, token, '/api/assets/SN-ACME-1/history');
    return { detail, types: timelineEn.map((entry) => entry.type), timelineEn, agenda, history };
  }

  it('opens, accepts, assigns, starts, notes, closes with materials from the van, and reopens', async () => {
    const desk = suite.tokens.dispatcherMi;
    const technician = suite.tokens.technicianMi;

    // Open: 201 with where it lives and its version.
    const opened = await suite.api.call('POST', '/api/service-requests', desk, {
      customerCode: 'ACME',
      siteCode: 'S-ACME-1',
      assetCode: 'SN-ACME-1',
      description: 'The boiler does not start; error E04 on the display.',
      priority: 'high',
    });
    expect(opened.status).toBe(201);
    const request = (await opened.json()) as ServiceRequestDetail;
    const id = request.id;
    expect(opened.headers.get('location')).toBe(`/api/service-requests/${id}`);
    expect(opened.headers.get('etag')).toBe('"1"');
    expect(request).toMatchObject({
      status: 'open',
      source: 'desk',
      priority: 'high',
      customerCode: 'ACME',
      siteCode: 'S-ACME-1',
      assetCode: 'SN-ACME-1',
      zoneCode: 'Z-MI',
      unitCode: 'MI',
      version: 1,
    });
    expect(request.allowedCommands).toContain('accept');
    let seen = await lookAt(id);
    expect(seen.detail).toEqual(request);
    expect(seen.types).toEqual(['ServiceRequestOpened']);
    expect(seen.agenda.entries).toEqual([]);
    expect(seen.history.interventions.map((intervention) => intervention.id)).toEqual([id]);

    // Accept, with the version seen.
    const accepted = await act(
      suite.api,
      desk,
      'POST',
      `${id}/accept`,
      { note: 'Customer called twice' },
      {
        'if-match': '"1"',
      },
    );
    expect(accepted).toMatchObject({ status: 'accepted', version: 2 });
    seen = await lookAt(id);
    expect(seen.types).toEqual(['ServiceRequestOpened', 'ServiceRequestAccepted']);
    expect(seen.agenda.entries).toEqual([]);

    // Assign Rossi for two hours: the agenda shows the appointment with the request it serves.
    const assigned = await act(
      suite.api,
      desk,
      'POST',
      `${id}/assignments`,
      { assignments: [SLOT] },
      {
        'if-match': `"${accepted.version}"`,
      },
    );
    expect(assigned.status).toBe('assigned');
    expect(assigned.assignments).toEqual([
      expect.objectContaining({ technicianCode: 'T-MI-1', durationMinutes: 120 }),
    ]);
    expect(Date.parse(assigned.assignments[0]!.start)).toBe(Date.parse(SLOT.start));
    expect(Date.parse(assigned.plannedStart!)).toBe(Date.parse(SLOT.start));
    seen = await lookAt(id);
    expect(seen.types.slice(-1)).toEqual(['ServiceRequestTechniciansAssigned']);
    expect(seen.agenda).toMatchObject({ technicianCode: 'T-MI-1', timeZone: 'Europe/Rome' });
    expect(seen.agenda.entries).toHaveLength(1);
    const appointment = seen.agenda.entries[0]!;
    expect(appointment).toMatchObject({
      technicianCode: 'T-MI-1',
      requestId: id,
      status: 'confirmed',
      request: expect.objectContaining({ status: 'assigned', customerCode: 'ACME', siteCode: 'S-ACME-1' }),
    });
    expect([Date.parse(appointment.start), Date.parse(appointment.end)]).toEqual([
      Date.parse('2026-12-01T08:00:00Z'),
      Date.parse('2026-12-01T10:00:00Z'),
    ]);
    // The technician sees the same agenda.
    expect((await getJson<Agenda>(suite.api, technician, AGENDA_DAY)).entries).toHaveLength(1);

    // Stock for the job arrives in Rossi's van.
    const received = await suite.api.call('POST', '/api/stock/VAN-T-MI-1/movements', desk, {
      type: 'receive',
      itemCode: 'FILTER',
      quantity: 5,
      reason: 'Van restock',
    });
    expect(received.status).toBe(201);

    // Rossi sets out, saying he needs about 25 minutes; setting out again changes nothing.
    const departed = await act(suite.api, technician, 'POST', `${id}/on-the-way`, { etaMinutes: 25 });
    expect(departed.status).toBe('assigned');
    expect(departed.assignments[0]).toMatchObject({ departedAt: expect.any(String), etaMinutes: 25 });
    const again = await act(suite.api, technician, 'POST', `${id}/on-the-way`, {});
    expect(again.version).toBe(departed.version);
    seen = await lookAt(id);
    expect(seen.types.slice(-1)).toEqual(['ServiceRequestTechnicianOnTheWay']);

    // On site: Rossi starts work himself.
    const started = await act(suite.api, technician, 'POST', `${id}/start`, {});
    expect(started.status).toBe('in-progress');
    expect(started.assignments[0]!.startedAt).toEqual(expect.any(String));
    seen = await lookAt(id);
    expect(seen.types.slice(-1)).toEqual(['ServiceRequestWorkStarted']);
    expect(seen.agenda.entries[0]!.request?.status).toBe('in-progress');

    const noted = await act(suite.api, technician, 'POST', `${id}/notes`, {
      text: 'Filter clogged with limescale.',
    });
    expect(noted.version).toBe(started.version + 1);
    seen = await lookAt(id);
    expect(seen.types.slice(-1)).toEqual(['ServiceRequestNoteAdded']);
    expect(seen.timelineEn.at(-1)!.why ?? seen.timelineEn.at(-1)!.text).toContain('limescale');

    // Closing records the actuals and issues the filters from the van.
    const closed = await act(suite.api, technician, 'POST', `${id}/close`, {
      labourMinutes: 90,
      travelMinutes: 30,
      travelKm: 12.5,
      materials: [{ itemCode: 'FILTER', quantity: 2, warehouseCode: 'VAN-T-MI-1' }],
      correctiveActions: ['Replaced the air filter'],
      resolution: 'Filter replaced; the boiler starts and holds pressure.',
    });
    expect(closed.status).toBe('closed');
    expect(closed.closure).toMatchObject({
      labourMinutes: 90,
      travelMinutes: 30,
      travelKm: 12.5,
      materials: [{ itemCode: 'FILTER', quantity: 2, warehouseCode: 'VAN-T-MI-1' }],
      correctiveActions: ['Replaced the air filter'],
      estimate: { labourMinutes: 120, technicianCodes: ['T-MI-1'] },
    });
    expect(closed.allowedCommands).toEqual(expect.arrayContaining(['reopen', 'addNote']));
    const van = await getJson<{ onHand: number }[]>(
      suite.api,
      desk,
      '/api/stock?warehouseCode=VAN-T-MI-1&itemCode=FILTER',
    );
    expect(van[0]).toMatchObject({ onHand: 3 });
    seen = await lookAt(id);
    expect(seen.types.slice(-1)).toEqual(['ServiceRequestClosed']);
    expect(seen.history.interventions[0]).toMatchObject({
      id,
      status: 'closed',
      closure: expect.objectContaining({
        resolution: 'Filter replaced; the boiler starts and holds pressure.',
      }),
    });

    // Reopened: back to dispatch, without the old assignment.
    const reopened = await act(
      suite.api,
      desk,
      'POST',
      `${id}/reopen`,
      { reason: 'Fault came back at night' },
      {
        'if-match': `"${closed.version}"`,
      },
    );
    expect(reopened).toMatchObject({ status: 'accepted', assignments: [], reopenedCount: 1 });
    seen = await lookAt(id);
    expect(seen.types).toEqual([
      'ServiceRequestOpened',
      'ServiceRequestAccepted',
      'ServiceRequestTechniciansAssigned',
      'ServiceRequestTechnicianOnTheWay',
      'ServiceRequestWorkStarted',
      'ServiceRequestNoteAdded',
      'ServiceRequestClosed',
      'ServiceRequestReopened',
    ]);
    expect(seen.history.interventions[0]).toMatchObject({ id, status: 'accepted' });
    // The request is back in the to-do list of requests to dispatch.
    const todo = await getJson<{ items: { id: string }[] }>(
      suite.api,
      desk,
      '/api/service-requests?status=accepted&status=open',
    );
    expect(todo.items.map((item) => item.id)).toContain(id);
  });

  it('serves the intervention sheet to the technician on the request', async () => {
    const request = await openRequest(suite.api, suite.tokens.dispatcherMi);
    await act(suite.api, suite.tokens.dispatcherMi, 'POST', `${request.id}/accept`, {});
    await act(suite.api, suite.tokens.dispatcherMi, 'POST', `${request.id}/assignments`, {
      assignments: [{ ...SLOT, start: '2026-12-02T09:00:00+01:00' }],
    });
    const sheet = await getJson<{
      request: { id: string };
      site: { code: string };
      asset?: { code: string };
    }>(suite.api, suite.tokens.technicianMi, `/api/service-requests/${request.id}/sheet?lang=it`);
    expect(sheet.request.id).toBe(request.id);
    expect(sheet.site.code).toBe('S-ACME-1');
    expect(sheet.asset?.code).toBe('SN-ACME-1');
  });
  it('lets a technician renounce their own appointment and tells them where it left the request', async () => {
    const desk = suite.tokens.dispatcherMi;
    const request = await openRequest(suite.api, desk);
    await act(suite.api, desk, 'POST', `${request.id}/accept`, {});
    await act(suite.api, desk, 'POST', `${request.id}/assignments`, {
      assignments: [{ ...SLOT, start: '2026-12-04T14:00:00+01:00' }],
    });
    const renounced = await act(suite.api, suite.tokens.technicianMi, 'POST', `${request.id}/renounce`, {
      reasonCode: 'VEHICLE',
      text: 'The van broke down on the ring road.',
    });
    expect(renounced).toMatchObject({ id: request.id, status: 'accepted', assignments: [] });
    // From now on the request is out of their reach, as any request they are not planned on.
    expect(
      (await suite.api.call('GET', `/api/service-requests/${request.id}`, suite.tokens.technicianMi)).status,
    ).toBe(404);
    const agenda = await getJson<Agenda>(
      suite.api,
      desk,
      '/api/technicians/T-MI-1/agenda?from=2026-12-04T00:00:00Z&to=2026-12-05T00:00:00Z',
    );
    expect(agenda.entries).toEqual([]);
  });
});
