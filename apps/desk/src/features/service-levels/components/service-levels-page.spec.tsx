import { act, configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { ServerResponse } from 'node:http';
import { axeViolations } from '../../../testing/axe-violations';
import { renderDesk } from '../../../testing/render-desk';
import { testSession } from '../../auth/testing/test-session';
import { sendAnswer, sendJson, type HttpStub } from '../../../testing/start-http-stub';
import { stubApiEachTest } from '../../../testing/stub-api-each-test';
import { freezeDateEachTest } from '../../../testing/freeze-date-each-test';
import { renderServiceLevels } from '../testing/render-service-levels';
import { atRiskEntryOf, slaDashboardOf } from '../testing/sla-dashboard-of';

// jsdom lays out Mantine slowly: the first render of a test may take a second or two.
configure({ asyncUtilTimeout: 5000 });
jest.setTimeout(30_000);
const server = stubApiEachTest();

/** The screen's clock, frozen here (timers still run for real, so the countdown still ticks). */
const NOW = Date.parse('2026-11-27T09:00:00.000Z');
const at = (minutes: number) => new Date(NOW + minutes * 60_000).toISOString();

const LATE = atRiskEntryOf('aaaaaaaa-0000-4000-8000-000000000001', {
  standing: 'breached',
  deadline: at(-5),
  reachedPercent: 100,
  priority: 'critical',
});
const SOON = atRiskEntryOf('bbbbbbbb-0000-4000-8000-000000000002', { deadline: at(2), reachedPercent: 90 });
const LATER = atRiskEntryOf('cccccccc-0000-4000-8000-000000000003', {
  deadline: at(90),
  clock: 'restoration',
  reachedPercent: 50,
});

freezeDateEachTest(NOW);

async function startApi(
  answer: () => { status: number; body: unknown },
  live?: (response: ServerResponse) => void,
) {
  return server.serve((request, response) => {
    const url = new URL(request.url, 'http://stub');
    if (url.pathname === '/api/service-levels/dashboard') {
      const { status, body } = answer();
      return sendAnswer(response, status, body);
    }
    if (url.pathname === '/api/master-data/units')
      return sendJson(response, 200, {
        items: [
          { code: 'MI', record: { name: 'Milano' } },
          { code: 'TO', record: { name: 'Torino' } },
        ],
        total: 2,
      });
    if (url.pathname.startsWith('/api/master-data/')) return sendJson(response, 200, { items: [], total: 0 });
    if (url.pathname === '/api/live' && live) {
      response.writeHead(200, { 'Content-Type': 'text/event-stream' });
      response.write(': connected\n\n');
      return live(response);
    }
    return sendJson(response, 404, { status: 404, title: 'Not Found' }, 'application/problem+json');
  });
}

const dashboardAsked = (stub: HttpStub) =>
  stub.requests
    .filter((r) => r.url.startsWith('/api/service-levels/dashboard'))
    .map((r) => new URL(r.url, 'http://stub').searchParams);

const ok = (body: unknown) => () => ({ status: 200, body });

/** The at-risk list's rows as [reference, time left, standing]. */
const atRiskRows = () =>
  within(screen.getByTestId('sla-at-risk'))
    .getAllByRole('row')
    .slice(1)
    .map((row) => {
      const cells = within(row).getAllByRole('cell');
      return [cells[1]?.textContent, cells[0]?.textContent, cells[2]?.textContent];
    });

describe('service levels dashboard', () => {
  it('shows the totals as tiles and the requests at risk, least time left first, counting down', async () => {
    const stub = await startApi(ok(slaDashboardOf({ atRisk: [LATER, LATE, SOON] })));
    const { container } = renderServiceLevels({ path: '/app/service-levels' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Service levels' })).toBeTruthy();

    const totals = await screen.findByRole('region', {
      name: 'Open requests under a service level, by standing',
    });
    const tiles = within(totals)
      .getAllByRole('term')
      .map((term) => [term.textContent, term.nextElementSibling?.textContent]);
    expect(tiles).toEqual([
      ['On track', '12'],
      ['At risk', '3'],
      ['Breached', '2'],
      ['Paused', '1'],
    ]);

    expect(atRiskRows()).toEqual([
      [LATE.reference, 'overdue by 5 min', 'Breached'],
      [SOON.reference, '2 min left', 'At risk'],
      [LATER.reference, '1 hr 30 min left', 'At risk'],
    ]);
    expect(screen.getByRole('link', { name: SOON.reference }).getAttribute('href')).toBe(
      `/app/requests/${SOON.requestId}`,
    );
    // The filters' defaults: nothing asked, the API's period shown.
    expect([...(dashboardAsked(stub)[0]?.keys() ?? [])]).toEqual([]);
    expect((screen.getByLabelText('From') as HTMLInputElement).value).toBe('2026-11-25');
    expect((screen.getByLabelText('To') as HTMLInputElement).value).toBe('2026-11-27');

    // The countdown runs on the screen's clock: two and a half minutes on, the second one is late too.
    jest.setSystemTime(NOW + 150_000);
    await waitFor(() => expect(atRiskRows()[1]?.[1]).toBe('overdue by 30 sec'));
    expect(atRiskRows()[0]?.[1]).toBe('overdue by 7 min 30 sec');
    expect(atRiskRows()[2]?.[1]).toBe('1 hr 27 min left');

    expect(await axeViolations(container)).toEqual([]);
  });

  it('groups by centre, zone and priority, and says the period’s breaches and penalties in words and in a table', async () => {
    await startApi(ok(slaDashboardOf()));
    renderServiceLevels({ path: '/app/service-levels' });
    const byUnit = await screen.findByTestId('sla-byUnit');
    const milano = within(byUnit).getByRole('row', { name: /Milano \(MI\)/ });
    expect(
      within(milano)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['9', '2', '2', '0', '13', '']);
    fireEvent.click(screen.getByRole('tab', { name: 'By priority' }));
    const byPriority = await screen.findByTestId('sla-byPriority');
    expect(within(byPriority).getByRole('rowheader', { name: 'High' })).toBeTruthy();
    expect(screen.getByTestId('sla-at-risk-empty').textContent).toBe(
      'No request is at risk or past a deadline.',
    );

    expect(screen.getByTestId('sla-trend-summary').textContent).toBe(
      '3 breaches and €120.00 in penalties from Nov 25 to Nov 27.',
    );
    const table = screen.getByTestId('sla-trend-table');
    expect(
      within(table)
        .getAllByRole('row')
        .map((row) => [...row.children].map((cell) => cell.textContent)),
    ).toEqual([
      ['Day', 'Breaches', 'Penalties (EUR)'],
      ['Nov 25', '1', '€0.00'],
      ['Nov 26', '0', '€80.00'],
      ['Nov 27', '2', '€40.00'],
    ]);
    // The chart comes in its own chunk, after the rest.
    expect(await screen.findByTestId('sla-trend-chart')).toBeTruthy();
  });

  it('keeps the filters in the URL and asks the API for them', async () => {
    const stub = await startApi(ok(slaDashboardOf()));
    const { router } = renderServiceLevels({
      path: '/app/service-levels?unitCode=MI&priority=bogus&from=2026-11-01&to=2026-11-30',
    });
    await screen.findByTestId('sla-totals');
    const first = dashboardAsked(stub)[0];
    expect(first?.get('unitCode')).toBe('MI');
    // A hand-edited value the API would refuse is not sent.
    expect(first?.has('priority')).toBe(false);
    expect(first?.get('from')).toBe('2026-11-01');
    expect(first?.get('to')).toBe('2026-11-30');

    fireEvent.click(screen.getByRole('combobox', { name: 'Priority' }));
    fireEvent.click(await screen.findByRole('option', { name: 'Critical' }));
    await waitFor(() =>
      expect(router.state.location.search).toBe(
        '?unitCode=MI&priority=critical&from=2026-11-01&to=2026-11-30',
      ),
    );
    await waitFor(() => expect(dashboardAsked(stub).at(-1)?.get('priority')).toBe('critical'));

    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-10-15' } });
    await waitFor(() =>
      expect(router.state.location.search).toBe(
        '?unitCode=MI&priority=critical&from=2026-10-15&to=2026-11-30',
      ),
    );
    await waitFor(() => expect(dashboardAsked(stub).at(-1)?.get('from')).toBe('2026-10-15'));

    // Cleared: a bare URL, and the API's defaults.
    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(router.state.location.search).toBe(''));
    await waitFor(() => expect([...(dashboardAsked(stub).at(-1)?.keys() ?? [])]).toEqual([]));

    await act(() => router.navigate(-1));
    expect(router.state.location.search).toBe('?unitCode=MI&priority=critical&from=2026-10-15&to=2026-11-30');
  });

  it('refreshes when the server says service levels changed, without polling', async () => {
    let answer = slaDashboardOf({ atRisk: [SOON] });
    let live: ServerResponse | undefined;
    const stub = await startApi(
      () => ({ status: 200, body: answer }),
      (response) => {
        live = response;
      },
    );
    renderServiceLevels({ path: '/app/service-levels' });
    await screen.findByText(SOON.reference);
    await waitFor(() => expect(live).toBeDefined());
    const asked = dashboardAsked(stub).length;
    answer = slaDashboardOf({ atRisk: [{ ...SOON, standing: 'breached', deadline: at(-1) }, LATER] });
    live?.write(`event: changed\ndata: ${JSON.stringify({ topics: ['service-levels'] })}\n\n`);
    expect(await screen.findByText(LATER.reference)).toBeTruthy();
    expect(atRiskRows()[0]).toEqual([SOON.reference, 'overdue by 1 min', 'Breached']);
    expect(dashboardAsked(stub).length).toBe(asked + 1);

    answer = slaDashboardOf({ atRisk: [] });
    live?.write(`event: changed\ndata: ${JSON.stringify({ topics: ['service-requests'] })}\n\n`);
    expect(await screen.findByTestId('sla-at-risk-empty')).toBeTruthy();
    live?.end();
  });

  it('says when nothing is at stake, and shows a refusal like every screen', async () => {
    let answer: { status: number; body: unknown } = {
      status: 200,
      body: slaDashboardOf({
        totals: { 'on-track': 0, 'at-risk': 0, breached: 0, paused: 0 },
        byUnit: [],
        byZone: [],
        byPriority: [],
        series: [{ day: '2026-11-27', breaches: 0, penalties: [] }],
        breachesInPeriod: 0,
        penaltiesInPeriod: [],
      }),
    };
    await startApi(() => answer);
    const first = renderServiceLevels({ path: '/app/service-levels' });
    expect(await screen.findByTestId('sla-at-risk-empty')).toBeTruthy();
    expect(screen.getByText('No open request under a service level here.')).toBeTruthy();
    expect(screen.getByTestId('sla-trend-summary').textContent).toBe(
      '0 breaches and no penalty from Nov 25 to Nov 27.',
    );
    expect(screen.getByText('No breach and no penalty in this period.')).toBeTruthy();
    expect(screen.queryByTestId('sla-trend-table')).toBeNull();
    first.unmount();

    answer = {
      status: 400,
      body: { status: 400, title: 'Bad Request', detail: 'A period covers at most 366 days' },
    };
    renderServiceLevels({ path: '/app/service-levels?from=2024-01-01&to=2026-01-01' });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('A period covers at most 366 days');
    expect(screen.queryByTestId('sla-totals')).toBeNull();
  });

  it('speaks Italian', async () => {
    await startApi(ok(slaDashboardOf({ atRisk: [LATE, SOON] })));
    renderServiceLevels({ path: '/app/service-levels', language: 'it' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Livelli di servizio' })).toBeTruthy();
    await screen.findByTestId('sla-at-risk');
    expect(atRiskRows()).toEqual([
      [LATE.reference, 'in ritardo di 5 min', 'Violato'],
      [SOON.reference, 'mancano 2 min', 'A rischio'],
    ]);
    // Italian puts a no-break space before the euro sign.
    expect(screen.getByTestId('sla-trend-summary').textContent?.replace(/\u00a0/g, ' ')).toBe(
      '3 violazioni e 120,00 € di penali dal 25 nov al 27 nov.',
    );
  });

  it('is in the navigation of the desk and management, not of a technician', async () => {
    await startApi(ok(slaDashboardOf()));
    const manager = renderDesk({
      path: '/app/service-levels',
      session: testSession('mgr.mi', { role: 'manager' }),
    });
    const link = await screen.findByRole('link', { name: 'Service levels' });
    expect(link.getAttribute('href')).toBe('/app/service-levels');
    expect(link.getAttribute('aria-current')).toBe('page');
    await screen.findByTestId('sla-totals');
    manager.unmount();

    renderDesk({ path: '/app/availability', session: testSession('tech.1', { role: 'technician' }) });
    await screen.findByRole('link', { name: 'Availability' });
    expect(screen.queryByRole('link', { name: 'Service levels' })).toBeNull();
  });
});
