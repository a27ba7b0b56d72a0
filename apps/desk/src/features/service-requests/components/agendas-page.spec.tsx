import { configure, fireEvent, screen, waitFor } from '@testing-library/react';
import { sendJson, type HttpStub } from '../../../testing/start-http-stub';
import { stubApiEachTest } from '../../../testing/stub-api-each-test';
import { renderServiceRequests } from '../testing/render-service-requests';

// jsdom lays out Mantine and FullCalendar slowly: the first render of a test may take a second or two.
configure({ asyncUtilTimeout: 5000 });
jest.setTimeout(30_000);
const server = stubApiEachTest();

const HOUR = 3600_000;

/** The week on screen as FullCalendar shows it here: Monday to Monday on the browser's clock. */
function visibleWeek(weeksAhead = 0): { from: string; to: string } {
  const monday = new Date();
  monday.setHours(0, 0, 0, 0);
  monday.setDate(monday.getDate() - ((monday.getDay() + 6) % 7) + 7 * weeksAhead);
  const next = new Date(monday);
  next.setDate(monday.getDate() + 7);
  return { from: monday.toISOString(), to: next.toISOString() };
}

/** Each technician has one appointment on the Tuesday of the week asked; T-MI-2's is suspended. */
async function startApi(): Promise<HttpStub> {
  return server.serve((request, response) => {
    const url = new URL(request.url, 'http://stub');
    if (url.pathname === '/api/master-data/zones/Z-MI')
      return sendJson(response, 200, {
        code: 'Z-MI',
        kind: 'zone',
        status: 'active',
        version: 1,
        record: { name: 'Milano', unitCode: 'MI' },
      });
    if (url.pathname === '/api/master-data/technicians') {
      // T-MI-1 lists no zone (it serves its unit's); T-RM-9 lists Z-MI though it belongs to Rome.
      if (url.searchParams.get('zoneCodes') === 'Z-MI')
        return sendJson(response, 200, {
          items: [{ code: 'T-RM-9', record: { name: 'Sara Neri' } }],
          total: 1,
        });
      return sendJson(response, 200, {
        items: [
          { code: 'T-MI-1', record: { name: 'Anna Bianchi' } },
          { code: 'T-MI-2', record: { name: 'Luca Verdi' } },
        ],
        total: 2,
      });
    }
    const agenda = /^\/api\/technicians\/([^/]+)\/agenda$/.exec(url.pathname);
    if (agenda) {
      const code = decodeURIComponent(agenda[1] ?? '');
      const from = url.searchParams.get('from') ?? '';
      const start = Date.parse(from) + 24 * HOUR + (code === 'T-MI-1' ? 9 : 14) * HOUR;
      return sendJson(response, 200, {
        technicianCode: code,
        technicianName: code === 'T-MI-1' ? 'Anna Bianchi' : 'Luca Verdi',
        timeZone: 'Europe/Rome',
        from,
        to: url.searchParams.get('to'),
        entries: [
          {
            appointmentId: `appt-${code}`,
            technicianCode: code,
            requestId: `req-${code}`,
            start: new Date(start).toISOString(),
            end: new Date(start + 2 * HOUR).toISOString(),
            status: code === 'T-MI-2' ? 'suspended' : 'confirmed',
            request: {
              reference: `SR-${code}`,
              status: 'assigned',
              priority: 'critical',
              description: 'Boiler down',
              customerCode: 'ACME',
              customerName: 'Acme Spa',
              siteCode: 'S-ACME-1',
              crew: [],
            },
          },
        ],
      });
    }
    if (url.pathname.startsWith('/api/master-data/')) return sendJson(response, 200, { items: [], total: 0 });
    return sendJson(response, 404, { status: 404, title: 'Not Found' }, 'application/problem+json');
  });
}

const agendaRequests = (stub: HttpStub) =>
  stub.requests
    .filter((r) => r.url.startsWith('/api/technicians/'))
    .map((r) => {
      const url = new URL(r.url, 'http://stub');
      return { path: url.pathname, from: url.searchParams.get('from'), to: url.searchParams.get('to') };
    });

describe('technician agendas', () => {
  it('asks each chosen technician’s agenda for the visible range only, and again when the range moves', async () => {
    const stub = await startApi();
    const { router } = renderServiceRequests({ path: '/app/agendas' });
    expect(await screen.findByText('Choose one or more technicians to see their appointments.')).toBeTruthy();
    expect(agendaRequests(stub)).toEqual([]);

    fireEvent.click(screen.getByRole('combobox', { name: 'Technicians' }));
    fireEvent.click(await screen.findByRole('option', { name: 'T-MI-1 · Anna Bianchi' }));
    fireEvent.click(screen.getByRole('combobox', { name: 'Technicians' }));
    fireEvent.click(await screen.findByRole('option', { name: 'T-MI-2 · Luca Verdi' }));
    await waitFor(() => expect(router.state.location.search).toBe('?technician=T-MI-1&technician=T-MI-2'));

    const week = visibleWeek();
    await waitFor(() =>
      expect(agendaRequests(stub)).toEqual([
        { path: '/api/technicians/T-MI-1/agenda', ...week },
        { path: '/api/technicians/T-MI-2/agenda', ...week },
      ]),
    );
    // Several agendas on one calendar: each event names its technician; a suspended one says so.
    await waitFor(() =>
      expect(screen.getAllByText('Anna Bianchi: SR-T-MI-1 · Acme Spa').length).toBeGreaterThan(0),
    );
    await waitFor(() =>
      expect(screen.getAllByText('Luca Verdi: SR-T-MI-2 · Acme Spa (suspended)').length).toBeGreaterThan(0),
    );
    expect(await screen.findByText('2 appointments on screen')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: /next/i }));
    const next = visibleWeek(1);
    await waitFor(() =>
      expect(agendaRequests(stub).slice(2)).toEqual([
        { path: '/api/technicians/T-MI-1/agenda', ...next },
        { path: '/api/technicians/T-MI-2/agenda', ...next },
      ]),
    );
  });

  it('opens the request of an appointment from the calendar', async () => {
    await startApi();
    const { router } = renderServiceRequests({ path: '/app/agendas?technician=T-MI-1' });
    const events = await screen.findAllByText('SR-T-MI-1 · Acme Spa');
    const link = events[0]?.closest('a');
    expect(link?.getAttribute('href')).toBe('/app/requests/req-T-MI-1');
    fireEvent.click(link as HTMLElement);
    await waitFor(() => expect(router.state.location.pathname).toBe('/app/requests/req-T-MI-1'));
  });

  it('offers a zone’s technicians: those listing it and those of the centre serving it', async () => {
    const stub = await startApi();
    renderServiceRequests({ path: '/app/agendas?zoneCode=Z-MI' });
    await waitFor(() =>
      expect(
        stub.requests.some(
          (r) => r.url.startsWith('/api/master-data/technicians?') && r.url.includes('unitCode=MI'),
        ),
      ).toBe(true),
    );
    fireEvent.click(screen.getByRole('combobox', { name: 'Technicians' }));
    expect(await screen.findByRole('option', { name: 'T-RM-9 · Sara Neri' })).toBeTruthy();
    expect(screen.getByRole('option', { name: 'T-MI-1 · Anna Bianchi' })).toBeTruthy();
    expect(
      stub.requests.some(
        (r) => r.url.startsWith('/api/master-data/technicians?') && r.url.includes('zoneCodes=Z-MI'),
      ),
    ).toBe(true);
  });
});
