import type { PreventiveRun } from '@fieldstream/api-contract';
import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { axeViolations } from '../../../testing/axe-violations';
import { renderDesk } from '../../../testing/render-desk';
import { sendJson } from '../../../testing/start-http-stub';
import { stubApiEachTest } from '../../../testing/stub-api-each-test';
import { testSession } from '../../auth/testing/test-session';
import { renderPreventive } from '../testing/render-preventive';
import { runOf } from '../testing/run-of';

// jsdom lays out Mantine slowly: the first render of a test may take a second or two.
configure({ asyncUtilTimeout: 5000 });
jest.setTimeout(30_000);
const server = stubApiEachTest();

/** The days as the page writes them, whatever this machine's ICU says of commas. */
const dayEn = (day: string) =>
  new Intl.DateTimeFormat('en', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${day}T00:00:00Z`));

const NEWEST = runOf('2026-11-27T07:00:00.000Z', {
  plans: 3,
  assets: 12,
  alreadyOpen: 4,
  opened: [
    {
      planCode: 'PM-BOILER-YEARLY',
      assetCode: 'SN-ACME-1',
      occurrence: '2026-12-08',
      dueOn: '2026-12-09',
      movedBecause: 'Immacolata Concezione',
      requestId: 'aaaaaaaa-1111-4000-8000-000000000001',
    },
    {
      planCode: 'PM-PUMP-6M',
      assetCode: 'SN-ACME-2',
      occurrence: '2026-12-07',
      dueOn: '2026-12-07',
      requestId: 'cccccccc-2222-4000-8000-000000000003',
    },
  ],
  unplaceable: [
    {
      planCode: 'PM-BOILER-YEARLY',
      assetCode: 'SN-SKI-1',
      occurrence: '2026-12-10',
      dueOn: '2026-12-10',
      movedBecause: 'Closed for the season',
    },
  ],
  problems: ['Plan PM-OLD: no asset model BX-100'],
});
const OLDER = runOf('2026-11-26T07:00:00.000Z', { plans: 1, assets: 1 });

async function startApi(runs: PreventiveRun[]) {
  return server.serve((request, response) => {
    const url = new URL(request.url, 'http://stub');
    if (url.pathname === '/api/preventive/runs') return sendJson(response, 200, { runs });
    if (url.pathname === '/api/master-data')
      return sendJson(response, 200, [
        { kind: 'asset-model', plural: 'asset-models', read: 'all', write: 'all', columns: [] },
        { kind: 'maintenance-plan', plural: 'maintenance-plans', read: 'all', write: 'all', columns: [] },
      ]);
    return sendJson(response, 404, { status: 404, title: 'Not Found' }, 'application/problem+json');
  });
}

const runArticles = () => screen.getAllByRole('article');

describe('the preventive runs page', () => {
  it('lists the runs newest first, with what each looked at and opened, and links to the requests', async () => {
    const stub = await startApi([NEWEST, OLDER]);
    const { router } = renderPreventive();
    expect(await screen.findByRole('heading', { level: 1, name: 'Preventive maintenance' })).toBeTruthy();
    await screen.findAllByTestId('opened-visits');
    expect(stub.requests.map((r) => r.url)).toContain('/api/preventive/runs?limit=100');

    const [newest, older] = runArticles() as [HTMLElement, HTMLElement];
    expect(runArticles().map((a) => a.getAttribute('data-run-at'))).toEqual([NEWEST.at, OLDER.at]);
    expect(within(newest).getByRole('heading', { level: 2 }).textContent).toMatch(/^Run of /);
    expect(newest.querySelector('h2 time')?.getAttribute('datetime')).toBe(NEWEST.at);
    expect(within(newest).getByText(/^Looked at 3 plans and 12 assets/).textContent).toBe(
      'Looked at 3 plans and 12 assets · 4 visits already open',
    );
    expect(within(older).getByText('Looked at 1 plan and 1 asset')).toBeTruthy();
    expect(within(newest).getByText('2 visits opened')).toBeTruthy();

    const table = within(newest).getByRole('table');
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((cell) => cell.textContent),
    ).toEqual(['Request', 'Asset', 'Plan', 'Due', 'Moved']);
    const link = within(table).getByRole('link', { name: 'SR-AAAAAAAA' });
    expect(link.getAttribute('href')).toBe('/app/requests/aaaaaaaa-1111-4000-8000-000000000001');
    expect(within(table).getByRole('link', { name: 'SN-ACME-1' }).getAttribute('href')).toBe(
      '/app/md/assets/SN-ACME-1',
    );
    expect(within(table).getAllByRole('link', { name: 'PM-BOILER-YEARLY' })[0]?.getAttribute('href')).toBe(
      '/app/md/maintenance-plans/PM-BOILER-YEARLY',
    );
    expect(within(older).getByRole('link', { name: 'SR-BBBBBBBB' })).toBeTruthy();

    fireEvent.click(link);
    await screen.findByTestId('elsewhere');
    expect(router.state.location.pathname).toBe('/app/requests/aaaaaaaa-1111-4000-8000-000000000001');
  });

  it('says where a closed day moved a visit from and why, and which visits stay on their day', async () => {
    await startApi([NEWEST]);
    renderPreventive();
    const table = await screen.findByTestId('opened-visits');
    const moved = within(table).getByRole('row', { name: /SR-AAAAAAAA/ });
    expect([...moved.children].map((cell) => cell.textContent)).toEqual([
      'SR-AAAAAAAA',
      'SN-ACME-1',
      'PM-BOILER-YEARLY',
      dayEn('2026-12-09'),
      `From ${dayEn('2026-12-08')}: Immacolata Concezione`,
    ]);
    expect(moved.querySelector('time')?.getAttribute('datetime')).toBe('2026-12-09');
    const onItsDay = within(table).getByRole('row', { name: /SR-CCCCCCCC/ });
    expect(onItsDay.lastElementChild?.textContent).toBe('On its day');
  });

  it('makes the visits it could not place and the problems stand out', async () => {
    await startApi([NEWEST, OLDER]);
    renderPreventive();
    await screen.findAllByTestId('opened-visits');
    const [newest, older] = runArticles() as [HTMLElement, HTMLElement];
    expect(newest.getAttribute('data-attention')).toBe('true');
    expect(newest.style.boxShadow).toContain('var(--mantine-color-red-9)');
    expect(older.hasAttribute('data-attention')).toBe(false);
    expect(within(newest).getByText('1 not placed')).toBeTruthy();

    const notes = within(newest).getAllByRole('note');
    expect(notes.map((note) => note.querySelector('.mantine-Alert-title')?.textContent)).toEqual([
      '1 visit could not be placed',
      '1 problem',
    ]);
    expect(within(notes[0] as HTMLElement).getByRole('listitem').textContent).toBe(
      `SN-SKI-1, plan PM-BOILER-YEARLY, falling on ${dayEn('2026-12-10')} — Closed for the season`,
    );
    expect(within(notes[1] as HTMLElement).getByRole('listitem').textContent).toBe(
      'Plan PM-OLD: no asset model BX-100',
    );
  });

  it('explains, when no run is listed, that the worker runs hourly and lists only runs that did something', async () => {
    await startApi([]);
    renderPreventive();
    const empty = await screen.findByTestId('runs-empty');
    expect(empty.textContent).toContain('Nothing opened yet');
    expect(empty.textContent).toContain('every hour');
    expect(empty.textContent).toContain(
      'Only runs that opened a visit or could not place one are listed here',
    );
    expect(screen.queryByRole('article')).toBeNull();
  });

  it('passes axe', async () => {
    await startApi([NEWEST, OLDER]);
    const { container } = renderPreventive();
    await screen.findAllByTestId('opened-visits');
    expect(await axeViolations(container)).toEqual([]);
  });

  it('speaks Italian', async () => {
    await startApi([NEWEST]);
    renderPreventive({ language: 'it' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Manutenzione preventiva' })).toBeTruthy();
    const table = await screen.findByTestId('opened-visits');
    const moved = within(table).getByRole('row', { name: /SR-AAAAAAAA/ });
    expect(moved.lastElementChild?.textContent).toMatch(/^Dal .*8 dic.*: Immacolata Concezione$/);
    expect(screen.getByText('1 intervento non collocato')).toBeTruthy();
    expect(screen.getByText(/^Esaminati 3 piani e 12 impianti/)).toBeTruthy();
  });

  it('is in the navigation of the desk, management and auditors, not of a technician; plans under Catalogue', async () => {
    await startApi([]);
    const manager = renderDesk({ path: '/app/preventive', session: testSession('mgr', { role: 'manager' }) });
    const nav = await screen.findByRole('navigation', { name: 'Main navigation' });
    const link = await within(nav).findByRole('link', { name: 'Preventive maintenance' });
    expect(link.getAttribute('href')).toBe('/app/preventive');
    expect(link.getAttribute('aria-current')).toBe('page');
    const catalogue = await within(nav).findByRole('group', { name: 'Catalogue' });
    expect(within(catalogue).getByRole('link', { name: 'Maintenance plans' }).getAttribute('href')).toBe(
      '/app/md/maintenance-plans',
    );
    await screen.findByTestId('runs-empty');
    manager.unmount();

    renderDesk({ path: '/app', session: testSession('tech.1', { role: 'technician' }) });
    const techNav = await screen.findByRole('navigation', { name: 'Main navigation' });
    await within(techNav).findByRole('link', { name: 'My agenda' });
    await waitFor(() =>
      expect(within(techNav).queryByRole('link', { name: 'Preventive maintenance' })).toBeNull(),
    );
  });
});
