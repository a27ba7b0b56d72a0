import { fireEvent, screen, waitFor } from '@testing-library/react';
import { testSession } from '../../auth/testing/test-session';
import { renderScreen } from '../../../testing/render-screen';
import { stubApiEachTest } from '../../../testing/stub-api-each-test';
import { sendJson, type HttpStub } from '../../../testing/start-http-stub';
import type { AvailabilityResponse } from '../types/availability';
import { AvailabilityPage } from './availability-page';

let stub: HttpStub | undefined;
const server = stubApiEachTest();

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
    stub = await server.serve((request, response) => {
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
    renderScreen(<AvailabilityPage />, { session: testSession('admin', { role: 'admin' }) });
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
