import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { AppProviders } from '../../../app/app-providers';
import { createQueryClient } from '../../../app/create-query-client';
import { createI18n } from '../../../app/i18n/create-i18n';
import { routeFetchTo } from '../../../testing/route-fetch-to';
import { sendJson, startHttpStub, type HttpStub } from '../../../testing/start-http-stub';
import availabilityEn from '../i18n/en.json';
import type { AvailabilityResponse } from '../types/availability';
import { AvailabilityPage } from './availability-page';

let stub: HttpStub | undefined;
let restoreFetch: (() => void) | undefined;

afterEach(async () => {
  restoreFetch?.();
  await stub?.stop();
  stub = undefined;
});

/** The lead's endpoint, as specified, standing in until it lands: one leave closure in the asked week. */
function answer(url: URL): AvailabilityResponse {
  const from = url.searchParams.get('from') ?? '';
  const to = url.searchParams.get('to') ?? '';
  const mid = new Date((Date.parse(from) + Date.parse(to)) / 2);
  mid.setUTCHours(8, 0, 0, 0);
  const noon = new Date(mid.getTime() + 4 * 3600_000);
  return {
    from,
    to,
    technician: {
      code: 'T-01',
      name: 'Anna Rossi',
      timeZone: 'Europe/Berlin',
      layers: [
        {
          name: 'Anna Rossi',
          source: { kind: 'calendar', code: 'CAL-T-01' },
          timeZone: 'Europe/Berlin',
          open: [],
          closures: [{ from: mid.toISOString(), to: noon.toISOString(), reason: 'leave' }],
          holidays: [],
        },
      ],
      available: [],
    },
  };
}

describe('availability page against a stub of the availability API', () => {
  it('searches technicians, asks for the visible week and shows the layers in the technician time zone', async () => {
    stub = await startHttpStub((request, response) => {
      const url = new URL(request.url, 'http://stub');
      if (url.pathname === '/api/master-data/technicians') {
        return sendJson(response, 200, {
          items: [{ code: 'T-01', record: { name: 'Anna Rossi' } }],
          total: 1,
        });
      }
      if (url.pathname === '/api/master-data/sites') return sendJson(response, 200, { items: [], total: 0 });
      if (url.pathname === '/api/availability') return sendJson(response, 200, answer(url));
      return sendJson(response, 404, { title: 'Not Found', status: 404 }, 'application/problem+json');
    });
    restoreFetch = routeFetchTo(stub.url);
    const i18n = createI18n('en');
    i18n.addResourceBundle('en', 'availability', availabilityEn);
    render(
      <AppProviders
        i18n={i18n}
        queryClient={createQueryClient()}
        initialSession={
          { token: 'tok-1', expiresAt: '2099-01-01T00:00:00Z', user: { username: 'admin' } } as never
        }
        mantineEnv="test"
      >
        <AvailabilityPage />
      </AppProviders>,
    );
    expect(
      await screen.findByText('Choose a technician, a site or both to see their calendars.'),
    ).toBeTruthy();
    fireEvent.click(screen.getByRole('combobox', { name: 'Technician' }));
    fireEvent.click(await screen.findByRole('option', { name: 'Anna Rossi (T-01)' }));

    expect(await screen.findByText('Times shown in Europe/Berlin', {}, { timeout: 5000 })).toBeTruthy();
    await waitFor(() => expect(screen.getAllByText('Closed: leave (Anna Rossi)').length).toBeGreaterThan(0));
    const asked = stub.requests
      .filter((r) => r.url.startsWith('/api/availability'))
      .map((r) => new URL(r.url, 'http://stub'));
    const last = asked[asked.length - 1];
    expect(last?.searchParams.get('technician')).toBe('T-01');
    expect(last?.searchParams.has('site')).toBe(false);
    // The visible week, padded by a day each side: nine days.
    expect(
      Date.parse(last?.searchParams.get('to') ?? '') - Date.parse(last?.searchParams.get('from') ?? ''),
    ).toBe(9 * 24 * 3600_000);
    expect(screen.getByRole('button', { name: 'Export iCalendar of CAL-T-01' })).toBeTruthy();
  });
});
