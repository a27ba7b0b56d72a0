import { configure, screen, waitFor, within } from '@testing-library/react';
import { axeViolations } from '../../../testing/axe-violations';
import { sendJson } from '../../../testing/start-http-stub';
import { stubApiEachTest } from '../../../testing/stub-api-each-test';
import { ASSET, ASSETS } from '../testing/portal-answers';
import { renderPortal } from '../testing/render-portal';

configure({ asyncUtilTimeout: 5000 });
jest.setTimeout(30_000);
const server = stubApiEachTest();

function startApi() {
  return server.serve((request, response) => {
    const url = new URL(request.url, 'http://stub');
    if (url.pathname === '/api/portal/assets') return sendJson(response, 200, ASSETS);
    if (url.pathname === '/api/portal/assets/SN-ACME-1') return sendJson(response, 200, ASSET);
    return sendJson(
      response,
      404,
      { status: 404, title: 'Not Found', code: 'not_found' },
      'application/problem+json',
    );
  });
}

describe('my equipment', () => {
  it('lists each site with its equipment, open requests, last visit, and ways to report, see the history, print a label', async () => {
    await startApi();
    const { container } = renderPortal({ path: '/app/portal/assets' });
    const milano = await screen.findByRole('region', { name: 'ACME Milano' });
    const cards = within(milano).getAllByRole('article');
    expect(cards.map((card) => card.getAttribute('data-asset'))).toEqual(['SN-ACME-1', 'SN-ACME-2']);
    expect(within(cards[0]!).getByText('1 open request')).toBeTruthy();
    expect(within(cards[0]!).getByText('Serial number SN-ACME-1')).toBeTruthy();
    expect(within(cards[0]!).getByText(/^Last visit /)).toBeTruthy();
    expect(within(cards[1]!).getByText('No open requests')).toBeTruthy();
    expect(within(cards[1]!).getByText('No visit yet')).toBeTruthy();
    expect(
      within(cards[0]!)
        .getByRole('link', { name: 'Report a problem with Boiler hall A' })
        .getAttribute('href'),
    ).toBe('/app/portal/new?asset=SN-ACME-1');
    expect(
      within(cards[0]!)
        .getByRole('link', { name: 'Print request label for Boiler hall A' })
        .getAttribute('href'),
    ).toBe('/app/portal/assets/SN-ACME-1/label');
    expect(
      within(cards[0]!).getByRole('link', { name: 'Service history of Boiler hall A' }).getAttribute('href'),
    ).toBe('/app/portal/assets/SN-ACME-1');
    expect(
      within(screen.getByRole('region', { name: 'ACME Monza' })).getByText(
        'No equipment registered at this site.',
      ),
    ).toBeTruthy();
    expect(await axeViolations(container)).toEqual([]);
  });

  it('shows one machine’s service history: each visit with the technician’s first name, and what was done', async () => {
    await startApi();
    renderPortal({ path: '/app/portal/assets/SN-ACME-1' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Boiler hall A' })).toBeTruthy();
    const history = screen.getByRole('region', { name: 'Service history' });
    const entry = within(history).getByRole('article');
    expect(within(entry).getByText('Completed')).toBeTruthy();
    expect(within(entry).getByText(/ · Chiara$/)).toBeTruthy();
    expect(within(entry).getByText('Done: Pump replaced, tested for an hour.')).toBeTruthy();
    expect(screen.getByText('Installed Mar 1, 2024')).toBeTruthy();
  });

  it('prints a label whose QR code opens the pre-filled request form on this desk', async () => {
    await startApi();
    const { container } = renderPortal({ path: '/app/portal/assets/SN-ACME-1/label' });
    const label = await screen.findByTestId('asset-label');
    const url = `${window.location.origin}/app/portal/new?asset=SN-ACME-1`;
    const qr = await within(label).findByRole('img', { name: `QR code opening ${url}` });
    expect(qr.getAttribute('data-url')).toBe(url);
    expect(qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml;charset=utf-8,%3Csvg/);
    expect(within(label).getByText('Serial number SN-ACME-1')).toBeTruthy();
    expect(within(label).getByText('ACME Milano, Via Torino 1, 20123 Milano')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Print' })).toBeTruthy();
    await waitFor(async () => expect(await axeViolations(container)).toEqual([]));
  });

  it('says equipment that is not theirs is not found', async () => {
    await startApi();
    renderPortal({ path: '/app/portal/assets/SN-BETA-1' });
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('Equipment not found'));
  });
});
