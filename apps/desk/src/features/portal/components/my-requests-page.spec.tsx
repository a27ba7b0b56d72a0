import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { axeViolations } from '../../../testing/axe-violations';
import { sendJson, type HttpStub } from '../../../testing/start-http-stub';
import { stubApiEachTest } from '../../../testing/stub-api-each-test';
import { summaryOf } from '../testing/portal-answers';
import { renderPortal } from '../testing/render-portal';

configure({ asyncUtilTimeout: 5000 });
jest.setTimeout(30_000);
const server = stubApiEachTest();

const PLANNED = summaryOf('aaaaaaaa-0000-4000-8000-000000000001');
const ON_THE_WAY = summaryOf('bbbbbbbb-0000-4000-8000-000000000002', {
  stage: 'on-the-way',
  description: 'Water on the floor under the boiler',
  nextVisit: {
    start: '2026-11-27T08:00:00.000Z',
    end: '2026-11-27T09:00:00.000Z',
    technicianFirstName: 'Anna',
    departedAt: '2026-11-27T07:40:00.000Z',
    etaMinutes: 20,
  },
});
const past = (n: number) =>
  summaryOf(`dddddddd-0000-4000-8000-${String(n).padStart(12, '0')}`, {
    status: 'closed',
    stage: 'completed',
    closedAt: '2026-10-07T09:00:00.000Z',
    nextVisit: undefined,
  });

/** Two open requests; 12 past ones, served as many as asked for. */
function startApi(open = [ON_THE_WAY, PLANNED]): Promise<HttpStub> {
  return server.serve((request, response) => {
    const url = new URL(request.url, 'http://stub');
    if (url.pathname === '/api/portal/requests') {
      const limit = Number(url.searchParams.get('limit'));
      const items =
        url.searchParams.get('state') === 'open'
          ? open
          : Array.from({ length: 12 }, (_, n) => past(n)).slice(0, limit);
      return sendJson(response, 200, {
        items,
        total: url.searchParams.get('state') === 'open' ? open.length : 12,
        limit,
        offset: 0,
      });
    }
    return sendJson(response, 404, { status: 404, title: 'Not Found' }, 'application/problem+json');
  });
}

describe('my requests', () => {
  it('lists the open requests with where each stands and the next visit by first name, then the past ones', async () => {
    await startApi();
    const { container } = renderPortal({ path: '/app/portal' });
    expect(await screen.findByRole('heading', { level: 1, name: 'My requests' })).toBeTruthy();
    const open = screen.getByRole('region', { name: 'Open requests' });
    const cards = await within(open).findAllByRole('article');
    expect(cards.map((card) => card.getAttribute('data-stage'))).toEqual(['on-the-way', 'planned']);
    expect(within(cards[0]!).getByText('Technician on the way')).toBeTruthy();
    expect(within(cards[0]!).getByTestId('next-visit').textContent).toBe('Anna is on the way: about 20 min');
    expect(within(cards[1]!).getByTestId('next-visit').textContent).toMatch(/^Visit .*Dec 2.* with Mario$/);
    expect(within(cards[1]!).getByRole('link', { name: PLANNED.reference }).getAttribute('href')).toBe(
      `/app/portal/requests/${PLANNED.id}`,
    );
    expect(within(cards[1]!).getByText('Equipment: Boiler hall A')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'New request' }).getAttribute('href')).toBe('/app/portal/new');
    expect(await axeViolations(container)).toEqual([]);
  });

  it('pages the past requests ten at a time', async () => {
    const stub = await startApi();
    renderPortal({ path: '/app/portal' });
    const pastRegion = await screen.findByRole('region', { name: 'Past requests' });
    await waitFor(() => expect(within(pastRegion).getAllByRole('article')).toHaveLength(10));
    expect(within(pastRegion).getAllByText('Completed')).toHaveLength(10);
    fireEvent.click(screen.getByRole('button', { name: 'Show more past requests' }));
    await waitFor(() => expect(within(pastRegion).getAllByRole('article')).toHaveLength(12));
    expect(screen.queryByRole('button', { name: 'Show more past requests' })).toBeNull();
    expect(stub.requests.map((r) => new URL(r.url, 'http://stub').searchParams.get('limit'))).toContain('20');
  });

  it('says so when nothing is open, in Italian too', async () => {
    await startApi([]);
    renderPortal({ path: '/app/portal', language: 'it' });
    expect(await screen.findByText(/Non avete richieste aperte/)).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1, name: 'Le mie richieste' })).toBeTruthy();
  });
});
