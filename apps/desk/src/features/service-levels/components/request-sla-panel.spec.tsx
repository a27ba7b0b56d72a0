import { configure, screen, waitFor, within } from '@testing-library/react';
import type { ServerResponse } from 'node:http';
import { axeViolations } from '../../../testing/axe-violations';
import { sendAnswer, sendJson, type HttpStub } from '../../../testing/start-http-stub';
import { stubApiEachTest } from '../../../testing/stub-api-each-test';
import { freezeDateEachTest } from '../../../testing/freeze-date-each-test';
import { renderServiceRequests } from '../../service-requests/testing/render-service-requests';
import { requestDetailOf } from '../../service-requests/testing/request-detail-of';
import { requestServiceLevelOf, slaClockOf } from '../testing/request-service-level-of';

// jsdom lays out Mantine slowly: the first render of a test may take a second or two.
configure({ asyncUtilTimeout: 5000 });
jest.setTimeout(30_000);
const server = stubApiEachTest();

const ID = 'eeeeeeee-0000-4000-8000-000000000005';
/** The screen's clock, frozen here (timers still run for real, so the countdown still ticks). */
const NOW = Date.parse('2026-11-27T09:00:00.000Z');
const at = (minutes: number) => new Date(NOW + minutes * 60_000).toISOString();
const local = (instant: string) =>
  new Intl.DateTimeFormat('en', { dateStyle: 'short', timeStyle: 'short' }).format(new Date(instant));

freezeDateEachTest(NOW);

type Answer = { status: number; body: unknown };

/** The request, its empty timeline, its service level and (when given) the organisation's parameters. */
async function startApi(
  level: () => Answer,
  parameters?: Record<string, unknown>,
  live?: (response: ServerResponse) => void,
): Promise<HttpStub> {
  return server.serve((request, response) => {
    const url = new URL(request.url, 'http://stub');
    if (url.pathname === `/api/service-requests/${ID}`)
      return sendJson(response, 200, requestDetailOf(ID, { status: 'accepted' }));
    if (url.pathname === `/api/service-requests/${ID}/timeline`) return sendJson(response, 200, []);
    if (url.pathname === `/api/service-requests/${ID}/service-level`) {
      const { status, body } = level();
      return sendAnswer(response, status, body);
    }
    if (url.pathname === '/api/master-data/parameters/organisation' && parameters)
      return sendJson(response, 200, {
        code: 'organisation',
        kind: 'parameters',
        status: 'active',
        version: 1,
        record: parameters,
      });
    if (url.pathname === '/api/live' && live) {
      response.writeHead(200, { 'Content-Type': 'text/event-stream' });
      response.write(': connected\n\n');
      return live(response);
    }
    return sendJson(response, 404, { status: 404, title: 'Not Found' }, 'application/problem+json');
  });
}

const ok = (body: unknown) => () => ({ status: 200, body });

/** The clocks' rows as their cells' texts, the clock's name first. */
const clockRows = () =>
  within(screen.getByTestId('sla-clocks'))
    .getAllByRole('row')
    .slice(1)
    .map((row) => [...row.children].map((cell) => cell.textContent));

describe('the request’s service level', () => {
  it('shows the contract, the standing, and each clock’s deadline, live countdown and highest alarm', async () => {
    await startApi(
      ok(
        requestServiceLevelOf(ID, {
          standing: 'at-risk',
          clocks: [
            slaClockOf('response', {
              targetMinutes: 60,
              deadline: at(2),
              reachedPercent: 90,
              nextAlarm: { percent: 100, at: at(2) },
            }),
            slaClockOf('restoration', { targetMinutes: 480, deadline: at(420), reachedPercent: null }),
          ],
        }),
      ),
    );
    const { container } = renderServiceRequests({ path: `/app/requests/${ID}` });
    const panel = await screen.findByRole('region', { name: 'Service level' });
    await within(panel).findByTestId('sla-clocks');
    expect(within(panel).getByText('At risk')).toBeTruthy();
    expect(
      within(panel).getByRole('link', { name: 'Acme full service (CT-ACME)' }).getAttribute('href'),
    ).toBe('/app/md/contracts/CT-ACME');
    expect(clockRows()).toEqual([
      ['Response', '1 hr', local(at(2)), '2 min left', `90%next: 100%, ${local(at(2))}`],
      ['Restoration', '8 hr', local(at(420)), '7 hr left', 'None yet'],
    ]);
    expect(within(panel).getByText('Penalties charged: None')).toBeTruthy();

    // Three minutes on, by the screen's own clock: the response is overdue.
    jest.setSystemTime(NOW + 180_000);
    await waitFor(() => expect(clockRows()[0]?.[3]).toBe('overdue by 1 min'));
    expect(await axeViolations(container)).toEqual([]);
  });

  it('gives each stopped clock its outcome, minutes late and the penalties charged', async () => {
    await startApi(
      ok(
        requestServiceLevelOf(ID, {
          standing: 'breached',
          running: false,
          clocks: [
            slaClockOf('response', {
              reachedPercent: 75,
              stopped: { at: at(-300), outcome: 'met', elapsedMinutes: 190, lateMinutes: 0 },
            }),
            slaClockOf('restoration', {
              reachedPercent: 100,
              breached: true,
              stopped: { at: at(-30), outcome: 'breached', elapsedMinutes: 545, lateMinutes: 65 },
            }),
          ],
          nextDeadline: null,
          nextDeadlineClock: null,
          penalty: { amount: 100, currency: 'EUR', hours: 2 },
        }),
      ),
    );
    renderServiceRequests({ path: `/app/requests/${ID}` });
    const panel = await screen.findByRole('region', { name: 'Service level' });
    await within(panel).findByTestId('sla-clocks');
    expect(
      within(panel).getByText('Breached', { selector: '[data-standing] *, [data-standing]' }),
    ).toBeTruthy();
    expect(clockRows().map((row) => [row[0], row[3], row[4]])).toEqual([
      ['Response', 'Met, in 3 hr 10 min', '75%'],
      ['Restoration', 'Breached, 1 hr 5 min late', '100%'],
    ]);
    expect(within(panel).getByText('Penalties charged: €100.00, for 2 started hours late')).toBeTruthy();
  });

  it('says the clocks are paused and why, with the organisation’s own label for the reason', async () => {
    await startApi(
      ok(
        requestServiceLevelOf(ID, {
          standing: 'paused',
          pause: { since: at(-20), reasonCode: 'waiting-customer', reason: 'Customer away until Monday' },
          clocks: [
            slaClockOf('response', { deadline: null, reachedPercent: 50 }),
            slaClockOf('restoration', { deadline: null }),
          ],
        }),
      ),
      {
        name: 'Organisation parameters',
        suspensionReasons: [{ code: 'waiting-customer', label: 'Customer to call back' }],
      },
    );
    renderServiceRequests({ path: `/app/requests/${ID}` });
    const panel = await screen.findByRole('region', { name: 'Service level' });
    await within(panel).findByTestId('sla-clocks');
    expect(within(panel).getByText(`Clocks paused since ${local(at(-20))}`)).toBeTruthy();
    await within(panel).findByText('Reason: Customer to call back — Customer away until Monday');
    expect(clockRows().map((row) => [row[0], row[2], row[3]])).toEqual([
      ['Response', 'Moves when resumed', 'Paused'],
      ['Restoration', 'Moves when resumed', 'Paused'],
    ]);
  });

  it('says why no service level applies, in Italian too', async () => {
    await startApi(
      ok({
        requestId: ID,
        reference: 'SR-EEEEEEEE',
        standing: 'not-applicable',
        running: false,
        notApplicableReason: 'No contract covers this site and asset on the opening day',
        pause: null,
        clocks: [],
        nextDeadline: null,
        nextDeadlineClock: null,
        penalty: null,
      }),
    );
    renderServiceRequests({ path: `/app/requests/${ID}`, language: 'it' });
    const panel = await screen.findByRole('region', { name: 'Livello di servizio' });
    expect((await within(panel).findByTestId('sla-not-applicable')).textContent).toBe(
      'Nessun livello di servizio si applica: No contract covers this site and asset on the opening day',
    );
    expect(within(panel).getByText('Non applicabile')).toBeTruthy();
  });

  it('follows the live notices of service levels', async () => {
    let level = requestServiceLevelOf(ID, {
      clocks: [slaClockOf('response', { targetMinutes: 60, deadline: at(30), reachedPercent: null })],
    });
    let live: ServerResponse | undefined;
    await startApi(
      () => ({ status: 200, body: level }),
      undefined,
      (response) => {
        live = response;
      },
    );
    renderServiceRequests({ path: `/app/requests/${ID}` });
    const panel = await screen.findByRole('region', { name: 'Service level' });
    await within(panel).findByText('On track');
    await waitFor(() => expect(live).toBeDefined());
    level = { ...level, standing: 'at-risk', clocks: [{ ...level.clocks[0]!, reachedPercent: 50 }] };
    live?.write(`event: changed\ndata: ${JSON.stringify({ topics: ['service-levels'] })}\n\n`);
    expect(await within(panel).findByText('At risk')).toBeTruthy();
    expect(clockRows()[0]?.[4]).toBe('50%');
    live?.end();
  });

  it('is left out for a reader the API shows no service level to, and says when it is not known yet', async () => {
    let answer: Answer = { status: 403, body: { status: 403, title: 'Forbidden' } };
    const stub = await startApi(() => answer);
    const first = renderServiceRequests({ path: `/app/requests/${ID}` });
    await screen.findByRole('heading', { name: 'SR-EEEEEEEE' });
    await waitFor(() => expect(stub.requests.some((r) => r.url.endsWith('/service-level'))).toBe(true));
    await waitFor(() => expect(screen.queryByTestId('sla-panel')).toBeNull());
    expect(screen.queryByRole('alert')).toBeNull();
    first.unmount();

    answer = { status: 404, body: { status: 404, title: 'Not Found', code: 'not_found' } };
    renderServiceRequests({ path: `/app/requests/${ID}` });
    const panel = await screen.findByRole('region', { name: 'Service level' });
    expect(await within(panel).findByText("This request's service level is not known yet.")).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
