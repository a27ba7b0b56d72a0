import type { ServiceRequestDetail, TimelineEntry } from '@fieldstream/api-contract';
import { withOrganisationApi } from '../testing/organisation-fixture';
import { act, getJson, openRequest } from './testing/service-request-calls';

const SLOT = { technicianCode: 'T-MI-1', start: '2026-12-03T09:00:00+01:00', durationMinutes: 60 };

// Each test walks a request through several commands, each waiting for the read models: on a
// busy machine that takes longer than jest's default 5 s.
jest.setTimeout(30_000);

describe('service requests: refusals', () => {
  const suite = withOrganisationApi();

  const eventsOf = async (id: string) =>
    (await getJson<TimelineEntry[]>(suite.api, suite.admin, `/api/service-requests/${id}/timeline`)).length;

  it('answers a bad opening with 400 naming each field, and opens nothing', async () => {
    const before = await getJson<{ total: number }>(suite.api, suite.admin, '/api/service-requests');
    const response = await suite.api.call('POST', '/api/service-requests', suite.tokens.dispatcherMi, {
      customerCode: 'ACME',
      siteCode: '',
      description: 'x'.repeat(5000),
      priority: 'urgent',
      contact: { name: 'Anna', email: 'not-an-email' },
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    const fields = ((await response.json()).errors as { field: string }[]).map((error) => error.field).sort();
    expect(fields).toEqual(['contact.email', 'description', 'priority', 'siteCode']);
    const unknown = await suite.api.call('POST', '/api/service-requests', suite.tokens.dispatcherMi, {
      customerCode: 'ACME',
      siteCode: 'S-NOWHERE',
      description: 'Nothing works',
    });
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).errors).toEqual([expect.objectContaining({ field: 'siteCode' })]);
    const after = await getJson<{ total: number }>(suite.api, suite.admin, '/api/service-requests');
    expect(after.total).toBe(before.total);
  });

  it('answers bad command bodies, list filters and agenda ranges with 400 naming the field', async () => {
    const request = await openRequest(suite.api, suite.tokens.dispatcherMi);
    await act(suite.api, suite.tokens.dispatcherMi, 'POST', `${request.id}/accept`, {});
    const versionBefore = (
      await getJson<ServiceRequestDetail>(suite.api, suite.admin, `/api/service-requests/${request.id}`)
    ).version;

    const assign = await suite.api.call(
      'POST',
      `/api/service-requests/${request.id}/assignments`,
      suite.tokens.dispatcherMi,
      {
        assignments: [{ technicianCode: 'T-MI-1', start: '2026-12-03T09:00:00', durationMinutes: 0 }],
      },
    );
    expect(assign.status).toBe(400);
    expect(((await assign.json()).errors as { field: string }[]).map((error) => error.field).sort()).toEqual([
      'assignments.0.durationMinutes',
      'assignments.0.start',
    ]);
    const reject = await suite.api.call(
      'POST',
      `/api/service-requests/${request.id}/reject`,
      suite.tokens.dispatcherMi,
      {},
    );
    expect(reject.status).toBe(400);
    expect((await reject.json()).errors).toEqual([expect.objectContaining({ field: 'diagnosis' })]);
    const reschedule = await suite.api.call(
      'PUT',
      `/api/service-requests/${request.id}/assignments/T-MI-1`,
      suite.tokens.dispatcherMi,
      { start: 'tomorrow', durationMinutes: 30 },
    );
    expect(reschedule.status).toBe(400);
    expect((await reschedule.json()).errors).toEqual([expect.objectContaining({ field: 'start' })]);
    const malformed = await fetch(`${suite.api.url}/api/service-requests/${request.id}/notes`, {
      method: 'POST',
      headers: { authorization: `Bearer ${suite.tokens.dispatcherMi}`, 'content-type': 'application/json' },
      body: '{"text": ',
    });
    expect(malformed.status).toBe(400);

    const list = await suite.api.call(
      'GET',
      '/api/service-requests?status=open&status=pending&limit=0',
      suite.admin,
    );
    expect(list.status).toBe(400);
    expect(((await list.json()).errors as { field: string }[]).map((error) => error.field).sort()).toEqual([
      'limit',
      'status',
    ]);
    const agenda = await suite.api.call(
      'GET',
      '/api/technicians/T-MI-1/agenda?from=2026-12-05T00:00:00Z&to=2026-12-01T00:00:00Z',
      suite.admin,
    );
    expect(agenda.status).toBe(400);
    expect((await agenda.json()).errors).toEqual([expect.objectContaining({ field: 'to' })]);
    const language = await suite.api.call(
      'GET',
      `/api/service-requests/${request.id}/timeline?lang=fr`,
      suite.admin,
    );
    expect(language.status).toBe(400);
    expect((await language.json()).errors).toEqual([expect.objectContaining({ field: 'lang' })]);

    // None of it changed the request.
    const after = await getJson<ServiceRequestDetail>(
      suite.api,
      suite.admin,
      `/api/service-requests/${request.id}`,
    );
    expect(after.version).toBe(versionBefore);
  });

  it('refuses a command the state does not allow with 409 naming the state and the allowed commands', async () => {
    const request = await openRequest(suite.api, suite.tokens.dispatcherMi);
    const response = await suite.api.call(
      'POST',
      `/api/service-requests/${request.id}/start`,
      suite.tokens.dispatcherMi,
      {
        technicianCode: 'T-MI-1',
      },
    );
    expect(response.status).toBe(409);
    const problem = await response.json();
    expect(problem).toMatchObject({
      code: 'illegal_transition',
      details: { state: 'open', command: 'startWork', allowed: expect.arrayContaining(['accept', 'reject']) },
    });
    expect(problem.detail).toContain('open');
    expect(await eventsOf(request.id)).toBe(1);
  });

  it('refuses a stale If-Match with 409 naming both versions, and changes nothing', async () => {
    const request = await openRequest(suite.api, suite.tokens.dispatcherMi);
    await act(
      suite.api,
      suite.tokens.dispatcherMi,
      'POST',
      `${request.id}/notes`,
      { text: 'First call' },
      {
        'if-match': '"1"',
      },
    );
    const stale = await suite.api.call(
      'POST',
      `/api/service-requests/${request.id}/accept`,
      suite.tokens.dispatcherMi,
      {},
      { 'if-match': '"1"' },
    );
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({ expectedRevision: 0, actualRevision: 1 });
    const now = await getJson<ServiceRequestDetail>(
      suite.api,
      suite.admin,
      `/api/service-requests/${request.id}`,
    );
    expect(now).toMatchObject({ status: 'open', version: 2 });
  });

  it('answers 404 for an unknown id, on reads and on commands', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    for (const [method, path] of [
      ['GET', `/api/service-requests/${missing}`],
      ['GET', `/api/service-requests/${missing}/timeline`],
      ['GET', `/api/service-requests/${missing}/sheet`],
      ['POST', `/api/service-requests/${missing}/accept`],
    ] as const) {
      const response = await suite.api.call(
        method,
        path,
        suite.tokens.dispatcherMi,
        method === 'POST' ? {} : undefined,
      );
      expect([path, response.status]).toEqual([path, 404]);
    }
  });

  it("forbids a technician to renounce for someone else, and hides another centre's request from a dispatcher", async () => {
    const request = await openRequest(suite.api, suite.tokens.dispatcherMi);
    await act(suite.api, suite.tokens.dispatcherMi, 'POST', `${request.id}/accept`, {});
    await act(suite.api, suite.tokens.dispatcherMi, 'POST', `${request.id}/assignments`, {
      assignments: [SLOT],
    });
    const before = await eventsOf(request.id);

    const renounce = await suite.api.call(
      'POST',
      `/api/service-requests/${request.id}/renounce`,
      suite.tokens.technicianMi,
      {
        reasonCode: 'VEHICLE',
        text: 'Van broke down',
        technicianCode: 'T-RM-1',
      },
    );
    expect(renounce.status).toBe(403);
    // A technician may not plan either.
    const plan = await suite.api.call(
      'POST',
      `/api/service-requests/${request.id}/assignments`,
      suite.tokens.technicianMi,
      {
        assignments: [{ ...SLOT, start: '2026-12-04T09:00:00+01:00' }],
      },
    );
    expect(plan.status).toBe(403);

    // Rome's desk does not see a Milan request: it answers as if it did not exist.
    for (const [method, path] of [
      ['GET', `/api/service-requests/${request.id}`],
      ['GET', `/api/service-requests/${request.id}/timeline`],
      ['POST', `/api/service-requests/${request.id}/notes`],
      ['POST', `/api/service-requests/${request.id}/cancel`],
    ] as const) {
      const body = path.endsWith('notes')
        ? { text: 'Hello' }
        : path.endsWith('cancel')
          ? { reason: 'No' }
          : undefined;
      const response = await suite.api.call(method, path, suite.tokens.dispatcherRm, body);
      expect([path, response.status]).toEqual([path, 404]);
    }
    const list = await getJson<{ items: { id: string }[] }>(
      suite.api,
      suite.tokens.dispatcherRm,
      '/api/service-requests?limit=500',
    );
    expect(list.items.map((item) => item.id)).not.toContain(request.id);
    expect(await eventsOf(request.id)).toBe(before);
  });

  it('keeps customers out of the desk’s request views: they open and follow theirs in the portal', async () => {
    const opened = await suite.api.call('POST', '/api/portal/requests', suite.tokens.customerAcme, {
      siteCode: 'S-ACME-1',
      description: 'Radiator cold in the meeting room',
    });
    expect(opened.status).toBe(201);
    const own = (await opened.json()) as { id: string; source: string; status: string };
    expect(own).toMatchObject({ source: 'portal', status: 'open' });
    // The desk's opening, list, request, timeline and commands: refused, not answered as missing.
    const desk = await suite.api.call('POST', '/api/service-requests', suite.tokens.customerAcme, {
      customerCode: 'ACME',
      siteCode: 'S-ACME-1',
      description: 'Radiator cold again',
    });
    expect(desk.status).toBe(403);
    expect((await desk.json()).detail).toContain('/api/portal/requests');
    for (const path of ['', `/${own.id}`, `/${own.id}/timeline`, `/${own.id}/sheet`]) {
      expect(
        (await suite.api.call('GET', `/api/service-requests${path}`, suite.tokens.customerAcme)).status,
      ).toBe(403);
    }
    expect(
      (await suite.api.call('POST', `/api/service-requests/${own.id}/accept`, suite.tokens.customerAcme, {}))
        .status,
    ).toBe(403);
    expect(
      (await suite.api.call('GET', `/api/portal/requests/${own.id}`, suite.tokens.customerBeta)).status,
    ).toBe(404);
    // The desk sees what the customer opened.
    const list = await getJson<{ items: { id: string; source: string }[] }>(
      suite.api,
      suite.tokens.dispatcherMi,
      '/api/service-requests?source=portal',
    );
    expect(list.items.map((item) => item.id)).toContain(own.id);
  });

  it('needs credentials', async () => {
    expect((await suite.api.call('GET', '/api/service-requests')).status).toBe(401);
    expect((await suite.api.call('POST', '/api/service-requests', undefined, {})).status).toBe(401);
  });
});
