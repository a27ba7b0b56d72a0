import type { ServiceRequestDetail } from '@fieldstream/api-contract';
import { withOrganisationApi } from '../testing/organisation-fixture';
import { act, getJson } from './testing/service-request-calls';
import { nextTopics, serverSentEvents, topicsUntil } from '../testing/server-sent-events';

// Each test walks a request through several commands, each waiting for the read models: on a
// busy machine that takes longer than jest's default 5 s.
jest.setTimeout(30_000);

describe('service requests: live updates', () => {
  const suite = withOrganisationApi();

  it('tells desks of requests and agendas once the read models show them, and a customer of requests only', async () => {
    const aborts = [new AbortController(), new AbortController()];
    const listen = async (token: string, abort: AbortController) =>
      serverSentEvents(
        await fetch(`${suite.api.url}/api/live`, {
          headers: { authorization: `Bearer ${token}` },
          signal: abort.signal,
        }),
      );
    const desk = await listen(suite.tokens.dispatcherMi, aborts[0]!);
    const customer = await listen(suite.tokens.customerAcme, aborts[1]!);
    try {
      const opened = await suite.api.call('POST', '/api/portal/requests', suite.tokens.customerAcme, {
        siteCode: 'S-ACME-1',
        description: 'No hot water',
      });
      expect(opened.status).toBe(201);
      const request = (await opened.json()) as { id: string };
      expect(await nextTopics(desk)).toEqual(['service-requests']);
      expect(await nextTopics(customer)).toEqual(['service-requests']);
      // By the time the notice arrives, the to-do list shows the request.
      const list = await getJson<{ items: ServiceRequestDetail[] }>(
        suite.api,
        suite.tokens.dispatcherMi,
        '/api/service-requests?status=open',
      );
      expect(list.items.map((item) => item.id)).toContain(request.id);

      await act(suite.api, suite.tokens.dispatcherMi, 'POST', `${request.id}/accept`, {});
      expect(await nextTopics(desk)).toEqual(['service-requests']);
      expect(await nextTopics(customer)).toEqual(['service-requests']);
      await act(suite.api, suite.tokens.dispatcherMi, 'POST', `${request.id}/assignments`, {
        assignments: [{ technicianCode: 'T-MI-1', start: '2026-12-10T09:00:00Z', durationMinutes: 60 }],
      });
      expect(await topicsUntil(desk, ['agendas', 'service-requests'])).toEqual([
        'agendas',
        'service-requests',
      ]);
      // The customer hears the request changed, never the technicians' agendas.
      expect(await topicsUntil(customer, ['service-requests'])).toEqual(['service-requests']);
    } finally {
      for (const abort of aborts) abort.abort();
    }
  });
});
