import { withOrganisationApi } from '../testing/organisation-fixture';
import { serverSentEvents } from '../testing/server-sent-events';

describe('live updates', () => {
  const suite = withOrganisationApi();

  it('tells a desk which kind changed once the read model shows it, and tells a customer nothing of the organisation', async () => {
    const controller = new AbortController();
    const deskController = new AbortController();
    const desk = serverSentEvents(
      await fetch(`${suite.api.url}/api/live`, {
        headers: { authorization: `Bearer ${suite.tokens.dispatcherMi}` },
        signal: deskController.signal,
      }),
    );
    const customerStream = await fetch(`${suite.api.url}/api/live`, {
      headers: { authorization: `Bearer ${suite.tokens.customerAcme}` },
      signal: controller.signal,
    });
    const customer = serverSentEvents(customerStream);
    const customerEvents: unknown[] = [];
    const collecting = (async () => {
      try {
        for await (const event of customer) customerEvents.push(event);
      } catch {
        /* aborted */
      }
    })();

    const before = await (
      await suite.api.call('GET', '/api/master-data/technicians/T-MI-1', suite.admin)
    ).json();
    await suite.api.call('PUT', '/api/master-data/technicians/T-MI-1', suite.admin, {
      ...before.record,
      phone: '+39 333 1234567',
    });
    const first = await desk.next();
    expect(first.value).toEqual({ event: 'changed', data: { topics: ['master-data/technicians'] } });
    // By the time the notice arrives, the read model already shows the change.
    const after = await (
      await suite.api.call('GET', '/api/master-data/technicians/T-MI-1', suite.tokens.dispatcherMi)
    ).json();
    expect(after.record.phone).toBe('+39 333 1234567');

    const site = await (await suite.api.call('GET', '/api/master-data/sites/S-ACME-1', suite.admin)).json();
    await suite.api.call('PUT', '/api/master-data/sites/S-ACME-1', suite.admin, {
      ...site.record,
      accessNotes: 'Ring twice',
    });
    expect((await desk.next()).value).toEqual({ event: 'changed', data: { topics: ['master-data/sites'] } });
    await new Promise((resolve) => setTimeout(resolve, 300));
    controller.abort();
    await collecting;
    expect(customerEvents).toEqual([{ event: 'changed', data: { topics: ['master-data/sites'] } }]);
    deskController.abort();
  });

  it('needs credentials', async () => {
    expect((await suite.api.call('GET', '/api/live')).status).toBe(401);
  });
});
