import type { Agenda, AgendaEntry } from '@fieldstream/api-contract';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { sendJson, type HttpStub } from '../../../testing/start-http-stub';
import { stubApiEachTest } from '../../../testing/stub-api-each-test';
import { testSession } from '../../auth/testing/test-session';
import { agendaListRange } from '../agenda/agenda-list-range';
import { dayKey } from '../agenda/day-key';
import { agendaEntryOf } from '../testing/agenda-entry-of';
import { renderTechnician } from '../testing/render-technician';
import { setOnline } from '../testing/set-online';

const DAY_MS = 86_400_000;
const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
const server = stubApiEachTest();
afterEach(() => setOnline(true));

/** Today at a wall-clock hour on this machine, plus some days. */
function todayAt(hour: number, plusDays = 0): Date {
  const now = new Date();
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() + plusDays, hour);
}

function isoDay(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

// Given out of order, as a server may: the list sorts them.
const ENTRIES: AgendaEntry[] = [
  agendaEntryOf('LATE', todayAt(14), 60),
  agendaEntryOf('NEXT', todayAt(9, 1), 90, { status: 'suspended' }),
  agendaEntryOf('EARLY', todayAt(8), 120, {
    request: { priority: 'critical', latitude: 45.4642, longitude: 9.19, crew: ['T-RM-1'] },
  }),
  agendaEntryOf('LATER', todayAt(10, 3), 60, { request: { customerName: 'BETA Srl', priority: 'low' } }),
];

/** Answers the agenda of any technician with the entries inside the asked range. */
async function startApi(entries: AgendaEntry[] = ENTRIES, timeZone = zone): Promise<HttpStub> {
  return server.serve((request, response) => {
    const url = new URL(request.url, 'http://stub');
    const match = /^\/api\/technicians\/([^/]+)\/agenda$/.exec(url.pathname);
    if (match) {
      const from = url.searchParams.get('from') ?? '';
      const to = url.searchParams.get('to') ?? '';
      const answer: Agenda = {
        technicianCode: decodeURIComponent(match[1] ?? ''),
        technicianName: match[1] === 'T-RM-1' ? 'Rita Romana' : 'Marco Tecnico',
        timeZone,
        from,
        to,
        entries: entries.filter((e) => e.start < to && e.end > from),
      };
      return sendJson(response, 200, answer);
    }
    if (url.pathname === '/api/master-data/technicians') {
      return sendJson(response, 200, {
        items: [{ code: 'T-RM-1', record: { name: 'Rita Romana' } }],
        total: 1,
      });
    }
    return sendJson(response, 404, { status: 404, title: 'Not Found' }, 'application/problem+json');
  });
}

const agendaRequests = (stub: HttpStub) =>
  stub.requests
    .filter((r) => r.url.includes('/agenda?'))
    .map((r) => {
      const url = new URL(r.url, 'http://stub');
      return {
        path: url.pathname,
        from: url.searchParams.get('from') ?? '',
        to: url.searchParams.get('to') ?? '',
      };
    });

describe('my agenda, as a list', () => {
  it('asks for today and the next 14 days of the signed-in technician and lists them by day, in order', async () => {
    const stub = await startApi();
    const { router } = renderTechnician({ path: '/app/my/agenda' });
    expect(await screen.findByRole('heading', { name: 'My agenda', level: 1 })).toBeTruthy();
    await screen.findAllByTestId('agenda-card');

    expect(agendaRequests(stub)).toEqual([
      { path: '/api/technicians/T-MI-1/agenda', ...agendaListRange(new Date()) },
    ]);
    const days = [...document.querySelectorAll('section[data-day]')];
    expect(days.map((day) => day.getAttribute('data-day'))).toEqual([
      isoDay(todayAt(8)),
      isoDay(todayAt(8, 1)),
      isoDay(todayAt(8, 3)),
    ]);
    expect(
      days.map((day) =>
        [...day.querySelectorAll('[data-appointment]')].map((c) => c.getAttribute('data-appointment')),
      ),
    ).toEqual([['A-EARLY', 'A-LATE'], ['A-NEXT'], ['A-LATER']]);
    expect(screen.getByRole('heading', { name: /^Today, / })).toBeTruthy();
    expect(screen.getByRole('heading', { name: /^Tomorrow, / })).toBeTruthy();

    const early = days[0]?.querySelector('[data-appointment="A-EARLY"]') as HTMLElement;
    expect(within(early).getByText('Critical')).toBeTruthy();
    expect(within(early).getByText('ACME plant')).toBeTruthy();
    expect(within(early).getByText('Via Roma 1, 20100 Milano')).toBeTruthy();
    expect(within(early).getByText('Job EARLY')).toBeTruthy();
    expect(within(early).getByText('With: T-RM-1')).toBeTruthy();
    expect(within(early).getByText('Planned')).toBeTruthy();
    expect(
      within(early).getByRole('link', { name: 'Navigate to Via Roma 1, 20100 Milano' }).getAttribute('href'),
    ).toBe('geo:45.4642,9.19');
    expect(
      within(early)
        .getByRole('link', { name: /^Map of Via Roma/ })
        .getAttribute('href'),
    ).toBe('https://www.openstreetmap.org/?mlat=45.4642&mlon=9.19#map=17/45.4642/9.19');
    // Without coordinates, no maps link.
    const late = days[0]?.querySelector('[data-appointment="A-LATE"]') as HTMLElement;
    expect(within(late).queryByRole('link', { name: /^Navigate/ })).toBeNull();

    const suspended = days[1]?.querySelector('[data-appointment="A-NEXT"]') as HTMLElement;
    expect(suspended.getAttribute('data-status')).toBe('suspended');
    expect(within(suspended).getByText('Suspended')).toBeTruthy();
    expect(within(suspended).getByText(/the time is on hold/)).toBeTruthy();

    // A tap on the card (not on a link inside it) opens the intervention sheet.
    fireEvent.click(within(late).getByText('Job LATE'));
    await waitFor(() => expect(router.state.location.pathname).toBe('/app/my/requests/R-LATE'));
  });

  it('says when there is nothing to do', async () => {
    await startApi([]);
    renderTechnician({ path: '/app/my/agenda', language: 'it' });
    expect(await screen.findByText('Nessun appuntamento oggi né nei prossimi 14 giorni.')).toBeTruthy();
  });

  it('lets an office user pick a technician, and keeps acting for them on the sheet', async () => {
    const stub = await startApi();
    renderTechnician({
      path: '/app/my/agenda?technician=T-RM-1',
      session: testSession('disp.mi', { role: 'dispatcher', binding: { unitCode: 'MI' } }),
    });
    expect(await screen.findByRole('heading', { name: 'Agenda of Rita Romana', level: 1 })).toBeTruthy();
    expect(screen.getByRole('combobox', { name: 'Technician' })).toBeTruthy();
    expect(agendaRequests(stub)[0]?.path).toBe('/api/technicians/T-RM-1/agenda');
    const link = within(screen.getAllByTestId('agenda-card')[0] as HTMLElement).getByRole('link', {
      name: 'SR-EARLY · ACME Spa',
    });
    expect(link.getAttribute('href')).toBe('/app/my/requests/R-EARLY?technician=T-RM-1');
  });

  it('ignores another technician named in the address for a technician', async () => {
    const stub = await startApi();
    renderTechnician({ path: '/app/my/agenda?technician=T-RM-1' });
    await screen.findAllByTestId('agenda-card');
    expect(agendaRequests(stub).map((r) => r.path)).toEqual(['/api/technicians/T-MI-1/agenda']);
    expect(screen.queryByRole('combobox', { name: 'Technician' })).toBeNull();
  });

  it('keeps the last loaded agenda on screen offline, and says so', async () => {
    await startApi();
    renderTechnician({ path: '/app/my/agenda' });
    await screen.findAllByTestId('agenda-card');
    setOnline(false);
    expect(screen.getByRole('status').textContent).toContain('You are offline');
    expect(screen.getAllByTestId('agenda-card')).toHaveLength(4);
    setOnline(true);
    await waitFor(() => expect(screen.queryByText('You are offline')).toBeNull());
  });
});

describe('my agenda, as a calendar', () => {
  it('asks only for the range each view shows, and opens a sheet from an event', async () => {
    const stub = await startApi(ENTRIES, 'UTC');
    const { router } = renderTechnician({ path: '/app/my/agenda' });
    await screen.findAllByTestId('agenda-card');
    const before = agendaRequests(stub).length;

    fireEvent.click(screen.getByRole('radio', { name: 'Week' }));
    await waitFor(() => expect(router.state.location.search).toBe('?view=week'));
    await waitFor(() => expect(agendaRequests(stub).length).toBeGreaterThan(before));
    const week = agendaRequests(stub).at(-1);
    expect(Date.parse(week?.to ?? '') - Date.parse(week?.from ?? '')).toBe(7 * DAY_MS);
    // The week starts on Monday and holds today.
    expect(new Date(week?.from ?? '').getUTCDay()).toBe(1);
    expect(Date.parse(week?.from ?? '')).toBeLessThanOrEqual(Date.now());
    expect(Date.parse(week?.to ?? '')).toBeGreaterThan(Date.now());
    expect((await screen.findAllByText('SR-EARLY · ACME Spa')).length).toBeGreaterThan(0);

    fireEvent.click(screen.getByRole('radio', { name: 'Month' }));
    await waitFor(() => {
      const month = agendaRequests(stub).at(-1);
      expect(Date.parse(month?.to ?? '') - Date.parse(month?.from ?? '')).toBe(42 * DAY_MS);
    });

    fireEvent.click(screen.getByRole('radio', { name: 'Day' }));
    await waitFor(() => {
      const day = agendaRequests(stub).at(-1);
      expect(day?.from).toBe(`${dayKey(new Date(), 'UTC')}T00:00:00.000Z`);
      expect(Date.parse(day?.to ?? '') - Date.parse(day?.from ?? '')).toBe(DAY_MS);
    });
    // Since the switch, nothing but the visible ranges was asked for: no more list-sized fetches.
    for (const asked of agendaRequests(stub).slice(before)) {
      expect([DAY_MS, 7 * DAY_MS, 42 * DAY_MS]).toContain(Date.parse(asked.to) - Date.parse(asked.from));
    }

    const event = (await screen.findAllByText('SR-EARLY · ACME Spa'))[0] as HTMLElement;
    const anchor = event.closest('a') as HTMLAnchorElement;
    expect(anchor.getAttribute('href')).toBe('/app/my/requests/R-EARLY');
    fireEvent.click(anchor);
    await waitFor(() => expect(router.state.location.pathname).toBe('/app/my/requests/R-EARLY'));
  });
});
