import { act, configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { ServerResponse } from 'node:http';
import { sendJson, type HttpStub } from '../../../testing/start-http-stub';
import { stubApiEachTest } from '../../../testing/stub-api-each-test';
import { renderServiceRequests } from '../testing/render-service-requests';
import { requestSummaryOf } from '../testing/request-summary-of';

// jsdom lays out Mantine and FullCalendar slowly: the first render of a test may take a second or two.
configure({ asyncUtilTimeout: 5000 });
jest.setTimeout(30_000);
const server = stubApiEachTest();

const FIRST = requestSummaryOf('aaaaaaaa-0000-4000-8000-000000000001', {
  priority: 'critical',
  description: 'Boiler down in the kitchen',
  assignments: [
    {
      technicianCode: 'T-MI-1',
      technicianName: 'Anna Bianchi',
      start: '2026-11-27T08:00:00.000Z',
      end: '2026-11-27T10:00:00.000Z',
      durationMinutes: 120,
    },
  ],
  plannedStart: '2026-11-27T08:00:00.000Z',
  status: 'assigned',
});
const SECOND = requestSummaryOf('bbbbbbbb-0000-4000-8000-000000000002', { priority: 'low' });
const THIRD = requestSummaryOf('cccccccc-0000-4000-8000-000000000003', { description: 'Pump leaking' });

/** The list's API: every request the stub holds, whatever the filters (the test reads what was asked). */
async function startApi(rows: () => unknown[], live?: (response: ServerResponse) => void): Promise<HttpStub> {
  return server.serve((request, response) => {
    const url = new URL(request.url, 'http://stub');
    if (url.pathname === '/api/service-requests') {
      const items = rows();
      return sendJson(response, 200, { items, total: items.length, limit: 25, offset: 0 });
    }
    if (url.pathname.startsWith('/api/master-data/')) return sendJson(response, 200, { items: [], total: 0 });
    if (url.pathname === '/api/live' && live) {
      response.writeHead(200, { 'Content-Type': 'text/event-stream' });
      response.write(': connected\n\n');
      return live(response);
    }
    return sendJson(response, 404, { status: 404, title: 'Not Found' }, 'application/problem+json');
  });
}

const listRequests = (stub: HttpStub) =>
  stub.requests
    .filter((r) => r.url.startsWith('/api/service-requests'))
    .map((r) => new URL(r.url, 'http://stub').searchParams);

describe('to-do list', () => {
  it('asks for the active requests first, and keeps each filter in the URL and in the query', async () => {
    const stub = await startApi(() => [FIRST, SECOND]);
    const { router } = renderServiceRequests({ path: '/app/requests' });
    const table = await screen.findByTestId('service-requests');
    await within(table).findByText(FIRST.reference);
    expect(within(table).getByText('Critical')).toBeTruthy();
    expect(within(table).getByText('Anna Bianchi')).toBeTruthy();
    expect(within(table).getAllByText('Acme Spa (ACME)')).toHaveLength(2);
    expect(screen.getByText('2 requests')).toBeTruthy();
    const first = listRequests(stub)[0];
    expect(first?.getAll('status')).toEqual(['open', 'accepted', 'assigned', 'in-progress', 'suspended']);
    expect(first?.get('sort')).toBe('priority');
    expect(first?.get('limit')).toBe('25');
    expect(first?.get('offset')).toBe('0');

    // A priority chosen: in the URL (shareable), and asked of the API.
    fireEvent.click(screen.getByRole('combobox', { name: 'Priority' }));
    fireEvent.click(await screen.findByRole('option', { name: 'Critical' }));
    await waitFor(() => expect(router.state.location.search).toBe('?priority=critical'));
    await waitFor(() => expect(listRequests(stub).at(-1)?.getAll('priority')).toEqual(['critical']));

    // Words typed: sent once typing pauses.
    fireEvent.change(screen.getByRole('searchbox', { name: /^Search/ }), { target: { value: 'boiler' } });
    await waitFor(() => expect(router.state.location.search).toBe('?priority=critical&q=boiler'));
    await waitFor(() => expect(listRequests(stub).at(-1)?.get('q')).toBe('boiler'));
    expect(listRequests(stub).at(-1)?.getAll('priority')).toEqual(['critical']);

    // Back: the filters before, in the URL and on screen.
    await act(() => router.navigate(-1));
    expect(router.state.location.search).toBe('?priority=critical');
    await waitFor(() =>
      expect((screen.getByRole('searchbox', { name: /^Search/ }) as HTMLInputElement).value).toBe(''),
    );
  });

  it('reads a shared link: every status, a zone, an order and a page', async () => {
    const stub = await startApi(() => [SECOND]);
    renderServiceRequests({ path: '/app/requests?status=all&zoneCode=Z-MI&sort=-openedAt&page=2' });
    await screen.findByText(SECOND.reference);
    const query = listRequests(stub)[0];
    expect(query?.has('status')).toBe(false);
    expect(query?.get('zoneCode')).toBe('Z-MI');
    expect(query?.get('sort')).toBe('-openedAt');
    expect(query?.get('offset')).toBe('25');
  });

  it('moves with j and k, opens with Enter, starts a new request with n and searches with /', async () => {
    await startApi(() => [FIRST, SECOND, THIRD]);
    const { router } = renderServiceRequests({ path: '/app/requests' });
    await screen.findByText(THIRD.reference);

    fireEvent.keyDown(document.body, { key: 'j' });
    expect(document.activeElement?.textContent).toBe(FIRST.reference);
    fireEvent.keyDown(document.body, { key: 'j' });
    fireEvent.keyDown(document.body, { key: 'j' });
    fireEvent.keyDown(document.body, { key: 'k' });
    expect(document.activeElement?.textContent).toBe(SECOND.reference);
    expect(document.querySelector('[data-selected]')?.getAttribute('data-request-id')).toBe(SECOND.id);

    // Keys typed into a field are text, not shortcuts.
    const search = screen.getByRole('searchbox', { name: /^Search/ });
    fireEvent.keyDown(search, { key: 'n' });
    expect(router.state.location.pathname).toBe('/app/requests');
    fireEvent.keyDown(document.body, { key: '/' });
    expect(document.activeElement).toBe(search);

    fireEvent.keyDown(document.body, { key: '?' });
    expect(await screen.findByRole('dialog', { name: 'Keyboard shortcuts' })).toBeTruthy();
    expect(screen.getByText('Next / previous request in the list')).toBeTruthy();
    fireEvent.keyDown(document.body, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    fireEvent.keyDown(document.body, { key: 'Enter' });
    expect(router.state.location.pathname).toBe(`/app/requests/${SECOND.id}`);
    await act(() => router.navigate('/app/requests'));
    await screen.findByText(THIRD.reference);
    fireEvent.keyDown(document.body, { key: 'n' });
    expect(router.state.location.pathname).toBe('/app/requests/new');
  });

  it('refreshes when the server says requests changed, without polling', async () => {
    let rows = [FIRST];
    let live: ServerResponse | undefined;
    const stub = await startApi(
      () => rows,
      (response) => {
        live = response;
      },
    );
    renderServiceRequests({ path: '/app/requests' });
    await screen.findByText(FIRST.reference);
    await waitFor(() => expect(live).toBeDefined());
    const asked = listRequests(stub).length;
    rows = [FIRST, THIRD];
    live?.write(`event: changed\ndata: ${JSON.stringify({ topics: ['service-requests'] })}\n\n`);
    expect(await screen.findByText(THIRD.reference)).toBeTruthy();
    expect(listRequests(stub).length).toBe(asked + 1);
    live?.end();
  });
});
