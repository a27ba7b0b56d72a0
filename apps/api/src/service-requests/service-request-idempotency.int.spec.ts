import type { Agenda, ServiceRequestDetail, TimelineEntry } from '@fieldstream/api-contract';
import { withOrganisationApi } from '../testing/organisation-fixture';
import { ACME_BOILER_FAULT, act, getJson } from './testing/service-request-calls';

// Each test walks a request through several commands, each waiting for the read models: on a
// busy machine that takes longer than jest's default 5 s.
jest.setTimeout(30_000);

describe('service requests: retries with an Idempotency-Key', () => {
  const suite = withOrganisationApi();

  const total = async () =>
    (await getJson<{ total: number }>(suite.api, suite.admin, '/api/service-requests?limit=500')).total;
  const timeline = (id: string) =>
    getJson<TimelineEntry[]>(suite.api, suite.admin, `/api/service-requests/${id}/timeline`);

  it('opens once: the retry answers the same request with 200 and writes nothing', async () => {
    const before = await total();
    const headers = { 'idempotency-key': 'open-retry-1' };
    const first = await suite.api.call(
      'POST',
      '/api/service-requests',
      suite.tokens.dispatcherMi,
      ACME_BOILER_FAULT,
      headers,
    );
    const again = await suite.api.call(
      'POST',
      '/api/service-requests',
      suite.tokens.dispatcherMi,
      ACME_BOILER_FAULT,
      headers,
    );
    expect([first.status, again.status]).toEqual([201, 200]);
    const [firstBody, againBody] = (await Promise.all([
      first.json(),
      again.json(),
    ])) as ServiceRequestDetail[];
    expect(againBody).toEqual(firstBody);
    expect(again.headers.get('location')).toBe(first.headers.get('location'));
    expect(again.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(await total()).toBe(before + 1);
    expect(await timeline(firstBody!.id)).toHaveLength(1);

    // Another key is another request.
    const other = await suite.api.call(
      'POST',
      '/api/service-requests',
      suite.tokens.dispatcherMi,
      ACME_BOILER_FAULT,
      {
        'idempotency-key': 'open-retry-2',
      },
    );
    expect(other.status).toBe(201);
    expect(((await other.json()) as ServiceRequestDetail).id).not.toBe(firstBody!.id);
    expect(await total()).toBe(before + 2);
  });

  it('opens once per external reference, whoever retries', async () => {
    const body = { ...ACME_BOILER_FAULT, externalReference: 'ERP-4711' };
    const first = await suite.api.call('POST', '/api/service-requests', suite.tokens.dispatcherMi, body);
    const again = await suite.api.call('POST', '/api/service-requests', suite.tokens.dispatcherMi, body);
    expect([first.status, again.status]).toEqual([201, 200]);
    expect(((await again.json()) as ServiceRequestDetail).id).toBe(
      ((await first.json()) as ServiceRequestDetail).id,
    );
  });

  it('assigns once: the retry answers the same and books nothing more', async () => {
    const desk = suite.tokens.dispatcherMi;
    const request = (await (
      await suite.api.call('POST', '/api/service-requests', desk, ACME_BOILER_FAULT)
    ).json()) as ServiceRequestDetail;
    await act(suite.api, desk, 'POST', `${request.id}/accept`, {});
    const body = {
      assignments: [{ technicianCode: 'T-MI-1', start: '2026-12-07T10:00:00+01:00', durationMinutes: 90 }],
    };
    const headers = { 'idempotency-key': 'assign-retry-1' };
    const first = await suite.api.call(
      'POST',
      `/api/service-requests/${request.id}/assignments`,
      desk,
      body,
      headers,
    );
    const again = await suite.api.call(
      'POST',
      `/api/service-requests/${request.id}/assignments`,
      desk,
      body,
      headers,
    );
    expect([first.status, again.status]).toEqual([200, 200]);
    const [firstBody, againBody] = (await Promise.all([
      first.json(),
      again.json(),
    ])) as ServiceRequestDetail[];
    expect(againBody).toEqual(firstBody);
    expect(again.headers.get('etag')).toBe(first.headers.get('etag'));
    expect((await timeline(request.id)).map((entry) => entry.type)).toEqual([
      'ServiceRequestOpened',
      'ServiceRequestAccepted',
      'ServiceRequestTechniciansAssigned',
    ]);
    const agenda = await getJson<Agenda>(
      suite.api,
      desk,
      '/api/technicians/T-MI-1/agenda?from=2026-12-07T00:00:00Z&to=2026-12-08T00:00:00Z',
    );
    expect(agenda.entries.map((entry) => entry.requestId)).toEqual([request.id]);
  });

  it('notes once: a retried note is one note', async () => {
    const desk = suite.tokens.dispatcherMi;
    const request = (await (
      await suite.api.call('POST', '/api/service-requests', desk, ACME_BOILER_FAULT)
    ).json()) as ServiceRequestDetail;
    const headers = { 'idempotency-key': 'note-retry-1' };
    const first = await act(
      suite.api,
      desk,
      'POST',
      `${request.id}/notes`,
      { text: 'Customer asks for a call' },
      headers,
    );
    const again = await act(
      suite.api,
      desk,
      'POST',
      `${request.id}/notes`,
      { text: 'Customer asks for a call' },
      headers,
    );
    expect(again).toEqual(first);
    expect(await timeline(request.id)).toHaveLength(2);
  });
});
