import type { DeviceDiagnosis, DeviceSignalEntryView } from '@fieldstream/api-contract';
import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { ServerResponse } from 'node:http';
import { axeViolations } from '../../../testing/axe-violations';
import { renderDesk } from '../../../testing/render-desk';
import { sendAnswer, sendJson, type HttpStub } from '../../../testing/start-http-stub';
import { stubApiEachTest } from '../../../testing/stub-api-each-test';
import { freezeDateEachTest } from '../../../testing/freeze-date-each-test';
import { testSession } from '../../auth/testing/test-session';
import { queryKeysForTopic } from '../../live/api/query-keys-for-topic';
import { renderServiceRequests } from '../../service-requests/testing/render-service-requests';
import { requestDetailOf } from '../../service-requests/testing/request-detail-of';
import { deviceDiagnosisOf } from '../testing/device-diagnosis-of';

// jsdom lays out Mantine slowly: the first render of a test may take a second or two.
configure({ asyncUtilTimeout: 5000 });
jest.setTimeout(30_000);
const server = stubApiEachTest();

const ID = 'dddddddd-0000-4000-8000-000000000007';
const OTHER = 'abcdef12-0000-4000-8000-000000000001';
const ASSET = 'SN-ACME-1';
/** The screen's clock, frozen here (timers still run for real). */
const NOW = Date.parse('2026-11-27T09:00:00.000Z');
const at = (minutes: number) => new Date(NOW + minutes * 60_000).toISOString();
const local = (instant: string, language = 'en') =>
  new Intl.DateTimeFormat(language, { dateStyle: 'short', timeStyle: 'short' }).format(new Date(instant));

freezeDateEachTest(NOW);

type Answer = { status: number; body: unknown };
const ok = (body: DeviceDiagnosis) => () => ({ status: 200, body });
const problem = (status: number, title: string) => () => ({
  status,
  body: { status, title, ...(status === 404 && { code: 'not_found' }) },
});

/**
 * The request (naming the asset unless told otherwise), its empty timeline, its device as `device`
 * answers (held back while `hold` says so), and the live stream when a test wants it.
 */
async function startApi(
  device: () => Answer | undefined,
  options: { assetCode?: string | undefined; live?: (response: ServerResponse) => void } = {},
): Promise<HttpStub> {
  const assetCode = 'assetCode' in options ? options.assetCode : ASSET;
  return server.serve((request, response) => {
    const url = new URL(request.url, 'http://stub');
    if (url.pathname === `/api/service-requests/${ID}`)
      return sendJson(
        response,
        200,
        requestDetailOf(ID, assetCode ? { assetCode } : { assetCode: undefined }),
      );
    if (url.pathname === `/api/service-requests/${ID}/timeline`) return sendJson(response, 200, []);
    if (url.pathname === `/api/assets/${ASSET}/device`) {
      const answer = device();
      if (!answer) return; // Never answered: the panel stays loading.
      return sendAnswer(response, answer.status, answer.body);
    }
    if (url.pathname === '/api/live' && options.live) {
      response.writeHead(200, { 'Content-Type': 'text/event-stream' });
      response.write(': connected\n\n');
      return options.live(response);
    }
    return sendJson(response, 404, { status: 404, title: 'Not Found' }, 'application/problem+json');
  });
}

/** A device that said a good deal lately: eight signals, newest first, of every kind. */
function talkativeDevice(): DeviceDiagnosis {
  const recent: DeviceSignalEntryView[] = [
    { type: 'DeviceAnomalyRepeated', at: at(-2), code: 'E104', count: 9999 },
    { type: 'DeviceAnomalyCleared', at: at(-10), code: 'E201' },
    { type: 'DeviceBackOnline', at: at(-15) },
    { type: 'DeviceWentSilent', at: at(-20) },
    {
      type: 'DeviceStatusReported',
      at: at(-25),
      state: 'fault',
      values: { flowTemperature: 92.5, pressureBar: 1.25, pumpOn: false, mode: 'winter' },
    },
    { type: 'DeviceRequestLinked', at: at(-29), requestId: ID },
    {
      type: 'DeviceAnomalyRaised',
      at: at(-30),
      code: 'E104',
      severity: 'critical',
      count: 1,
      message: 'Burner lockout',
    },
    { type: 'DeviceAnomalyRaised', at: at(-22), code: 'E201', severity: 'warning', count: 1 },
  ];
  // The E201 raise belongs before its clearing (12 minutes earlier): the list is newest first.
  const ordered = [...recent].sort((a, b) => b.at.localeCompare(a.at));
  return deviceDiagnosisOf(ASSET, ID, {
    lastSeenAt: at(-5),
    status: {
      state: 'fault',
      values: { flowTemperature: 92.5, pressureBar: 1.25, pumpOn: false, mode: 'winter' },
      at: at(-25),
    },
    activeAnomalies: [
      {
        code: 'E104',
        since: at(-30),
        lastAt: at(-2),
        repeats: 10_004,
        severity: 'critical',
        message: 'Burner lockout',
      },
    ],
    recent: ordered,
  });
}

const panelOf = () => screen.findByRole('region', { name: 'Device' });
const signalTexts = (panel: HTMLElement) =>
  within(within(panel).getByTestId('device-signals'))
    .getAllByRole('listitem')
    .map((item) => item.firstElementChild?.textContent);
const facts = (panel: HTMLElement) =>
  Object.fromEntries(
    [...within(panel).getByTestId('device-facts').querySelectorAll('dt')].map((term) => [
      term.textContent,
      term.nextElementSibling?.textContent,
    ]),
  );

describe('the request’s device (remote diagnosis)', () => {
  it('shows presence, last seen, firmware, the last status, the active anomalies and the recent signals in sentences', async () => {
    await startApi(ok(talkativeDevice()));
    const { container } = renderServiceRequests({ path: `/app/requests/${ID}` });
    const panel = await panelOf();
    await within(panel).findByTestId('device-signals');

    expect(within(panel).getByTestId('device-presence').textContent).toBe('Online');
    expect(facts(panel)).toEqual({
      'Last seen': `5 minutes ago · ${local(at(-5))}`,
      Firmware: '2.4.1',
      'Reports expected': 'Every 15 min',
      'Trouble followed on': 'this request',
    });
    expect(within(panel).getByTestId('device-last-seen').getAttribute('datetime')).toBe(at(-5));

    const status = within(panel).getByTestId('device-status');
    expect(within(status).getByText(`fault, reported ${local(at(-25))}`)).toBeTruthy();
    const values = [...within(status).getByTestId('device-status-values').querySelectorAll('dt')].map(
      (term) => [term.textContent, term.nextElementSibling?.textContent],
    );
    expect(values).toEqual([
      ['flowTemperature', '92.5'],
      ['pressureBar', '1.25'],
      ['pumpOn', 'no'],
      ['mode', 'winter'],
    ]);

    const anomaly = within(within(panel).getByTestId('device-anomalies')).getByRole('listitem');
    expect(within(anomaly).getByText('E104')).toBeTruthy();
    expect(within(anomaly).getByText('Critical')).toBeTruthy();
    expect(within(anomaly).getByText('Burner lockout')).toBeTruthy();
    expect(within(anomaly).getByTestId('device-anomaly-when').textContent).toBe(
      `Since ${local(at(-30))} · repeated 10,004 times, last ${local(at(-2))}`,
    );

    // Newest first, five at a time; the clearing knows when its episode began.
    expect(signalTexts(panel)).toEqual([
      'E104 repeated 9,999 times',
      'E201 cleared after 12 min',
      'Back online',
      `Silent since ${local(at(-20))}`,
      'E201 raised (warning)',
    ]);
    fireEvent.click(within(panel).getByRole('button', { name: 'Show more (3 left)' }));
    expect(signalTexts(panel).slice(5)).toEqual([
      'State: fault — flowTemperature 92.5, pressureBar 1.25, pumpOn no, mode winter',
      'Followed on request SR-DDDDDDDD',
      'E104 raised (critical): Burner lockout',
    ]);
    fireEvent.click(within(panel).getByRole('button', { name: 'Show fewer' }));
    expect(signalTexts(panel)).toHaveLength(5);

    // A minute on, by the screen's own clock: "last seen" follows without asking the API again.
    jest.setSystemTime(NOW + 60_000);
    await waitFor(() =>
      expect(within(panel).getByTestId('device-last-seen').textContent).toBe(
        `6 minutes ago · ${local(at(-5))}`,
      ),
    );
    expect(await axeViolations(container)).toEqual([]);
  });

  it('says it all in Italian, numbers as Italians write them', async () => {
    await startApi(ok(talkativeDevice()));
    renderServiceRequests({ path: `/app/requests/${ID}`, language: 'it' });
    const panel = await screen.findByRole('region', { name: 'Dispositivo' });
    await within(panel).findByTestId('device-signals');
    expect(within(panel).getByTestId('device-presence').textContent).toBe('In linea');
    expect(facts(panel)['Ultimo segnale']).toBe(`5 minuti fa · ${local(at(-5), 'it')}`);
    expect(within(panel).getByTestId('device-anomaly-when').textContent).toBe(
      `Dal ${local(at(-30), 'it')} · ripetuta 10.004 volte, l'ultima il ${local(at(-2), 'it')}`,
    );
    expect(within(panel).getByText('Critica')).toBeTruthy();
    fireEvent.click(within(panel).getByRole('button', { name: 'Mostra altri (3 rimasti)' }));
    expect(signalTexts(panel)).toEqual([
      // Italian groups thousands from five digits on (CLDR), English from four.
      'E104 ripetuto 9999 volte',
      'E201 rientrato dopo 12 min',
      'Di nuovo in linea',
      `Silenzioso dal ${local(at(-20), 'it')}`,
      'E201 segnalato (gravità: attenzione)',
      'Stato: fault — flowTemperature 92,5, pressureBar 1,25, pumpOn no, mode winter',
      'Seguito nella richiesta SR-DDDDDDDD',
      'E104 segnalato (gravità: critica): Burner lockout',
    ]);
    const values = within(panel).getByTestId('device-status-values');
    expect(within(values).getByText('92,5')).toBeTruthy();
  });

  it('says since when a device is silent, and links the request its trouble is followed on', async () => {
    await startApi(
      ok(
        deviceDiagnosisOf(ASSET, OTHER, {
          presence: 'silent',
          silentSince: at(-40),
          lastSeenAt: at(-90),
          activeAnomalies: [],
          recent: [{ type: 'DeviceWentSilent', at: at(-40) }],
        }),
      ),
    );
    renderServiceRequests({ path: `/app/requests/${ID}` });
    const panel = await panelOf();
    await within(panel).findByTestId('device-signals');
    const badge = within(panel).getByTestId('device-presence');
    expect(badge.textContent).toBe(`Silent since ${local(at(-40))}`);
    expect(badge.getAttribute('data-presence')).toBe('silent');
    expect(facts(panel)['Last seen']).toBe(`2 hours ago · ${local(at(-90))}`);
    expect(within(panel).getByText('No anomaly is active.')).toBeTruthy();
    expect(within(panel).getByRole('link', { name: 'SR-ABCDEF12' }).getAttribute('href')).toBe(
      `/app/requests/${OTHER}`,
    );
    expect(signalTexts(panel)).toEqual([`Silent since ${local(at(-40))}`]);
    expect(within(panel).queryByRole('button', { name: /Show more/ })).toBeNull();
  });

  it('says plainly that a device never connected', async () => {
    await startApi(
      ok({
        assetCode: ASSET,
        connected: false,
        heartbeatMinutes: 90,
        presence: 'unknown',
        lastSeenAt: null,
        silentSince: null,
        firmware: null,
        status: null,
        activeAnomalies: [],
        requestId: null,
        recent: [],
      }),
    );
    const { container } = renderServiceRequests({ path: `/app/requests/${ID}` });
    const panel = await panelOf();
    expect((await within(panel).findByTestId('device-never')).textContent).toBe(
      "This asset's device has never connected: nothing has been heard from it.It is expected to report every 1 hr 30 min.",
    );
    expect(within(panel).getByTestId('device-presence').textContent).toBe('Never connected');
    expect(within(panel).queryByTestId('device-signals')).toBeNull();
    expect(await axeViolations(container)).toEqual([]);
  });

  it('follows the live notices of devices: a new signal shows without a reload', async () => {
    let device = talkativeDevice();
    let live: ServerResponse | undefined;
    await startApi(() => ({ status: 200, body: device }), {
      live: (response) => {
        live = response;
      },
    });
    renderServiceRequests({ path: `/app/requests/${ID}` });
    const panel = await panelOf();
    await within(panel).findByText('E104 repeated 9,999 times');
    await waitFor(() => expect(live).toBeDefined());

    device = {
      ...device,
      activeAnomalies: [],
      recent: [{ type: 'DeviceAnomalyCleared', at: at(-1), code: 'E104' }, ...device.recent],
    };
    live?.write(`event: changed\ndata: ${JSON.stringify({ topics: ['devices'] })}\n\n`);
    expect(await within(panel).findByText('E104 cleared after 29 min')).toBeTruthy();
    expect(within(panel).getByText('No anomaly is active.')).toBeTruthy();
    live?.end();
    expect(queryKeysForTopic('devices')).toEqual([['devices']]);
  });

  it('shows its loader while asking, an error it cannot explain away, and nothing to a reader kept from the asset', async () => {
    let answer: () => Answer | undefined = () => undefined;
    const stub = await startApi(() => answer());
    const first = renderServiceRequests({ path: `/app/requests/${ID}` });
    const loading = await panelOf();
    expect(within(loading).getByRole('status', { name: 'Loading the device…' })).toBeTruthy();
    first.unmount();

    answer = problem(500, 'Internal Server Error');
    const second = renderServiceRequests({ path: `/app/requests/${ID}` });
    expect(await within(await panelOf()).findByRole('alert')).toBeTruthy();
    second.unmount();

    for (const status of [403, 404]) {
      answer = problem(status, status === 403 ? 'Forbidden' : 'Not Found');
      const before = stub.requests.length;
      const view = renderServiceRequests({ path: `/app/requests/${ID}` });
      await screen.findByRole('heading', { name: 'SR-DDDDDDDD' });
      await waitFor(() =>
        expect(stub.requests.slice(before).some((r) => r.url.endsWith('/device'))).toBe(true),
      );
      await waitFor(() => expect(screen.queryByTestId('device-panel')).toBeNull());
      view.unmount();
    }
  });

  it('is not shown for a request that names no asset', async () => {
    const stub = await startApi(ok(talkativeDevice()), { assetCode: undefined });
    renderServiceRequests({ path: `/app/requests/${ID}` });
    await screen.findByRole('heading', { name: 'SR-DDDDDDDD' });
    await waitFor(() => expect(stub.requests.some((r) => r.url.includes('/timeline'))).toBe(true));
    await screen.findByRole('region', { name: 'Service level' });
    expect(screen.queryByTestId('device-panel')).toBeNull();
    expect(stub.requests.some((r) => r.url.endsWith('/device'))).toBe(false);
  });
});

describe('the asset’s device on its master-data page', () => {
  it('has a Device tab with the same panel', async () => {
    await server.serve((request, response) => {
      const url = new URL(request.url, 'http://stub');
      if (url.pathname === '/api/master-data')
        return sendJson(response, 200, [
          { kind: 'asset', plural: 'assets', read: 'all', write: 'all', columns: ['modelCode', 'siteCode'] },
        ]);
      if (url.pathname === `/api/master-data/assets/${ASSET}`)
        return sendJson(response, 200, {
          _id: ASSET,
          kind: 'asset',
          code: ASSET,
          status: 'active',
          record: {
            modelCode: 'BOILER-X',
            siteCode: 'S-ACME-1',
            customerCode: 'ACME',
            ownership: 'customer',
          },
          version: 1,
          createdAt: '2026-01-01T00:00:00Z',
          updatedAt: '2026-01-01T00:00:00Z',
        });
      if (url.pathname === `/api/assets/${ASSET}/device`) return sendJson(response, 200, talkativeDevice());
      return sendJson(response, 404, { status: 404, title: 'Not Found' }, 'application/problem+json');
    });
    const { container } = renderDesk({
      path: `/app/md/assets/${ASSET}`,
      session: testSession('admin', { role: 'admin' }),
    });
    fireEvent.click(await screen.findByRole('tab', { name: 'Device' }));
    const panel = await panelOf();
    await within(panel).findByTestId('device-signals');
    expect(within(panel).getByTestId('device-presence').textContent).toBe('Online');
    // Not this request: the one the trouble is followed on is a link.
    expect(within(panel).getByRole('link', { name: 'SR-DDDDDDDD' }).getAttribute('href')).toBe(
      `/app/requests/${ID}`,
    );
    expect(await axeViolations(within(container).getByRole('tabpanel'))).toEqual([]);
  });
});
