import { configure, screen, within } from '@testing-library/react';
import { axeViolations } from '../../../testing/axe-violations';
import { sendJson } from '../../../testing/start-http-stub';
import { stubApiEachTest } from '../../../testing/stub-api-each-test';
import { CONTRACTS } from '../testing/portal-answers';
import { renderPortal } from '../testing/render-portal';

configure({ asyncUtilTimeout: 5000 });
jest.setTimeout(30_000);
const server = stubApiEachTest();

describe('my contracts', () => {
  it('tells each contract’s conditions in plain words: coverage, service hours, times per priority, validity', async () => {
    await server.serve((_request, response) => sendJson(response, 200, CONTRACTS));
    const { container } = renderPortal({ path: '/app/portal/contracts' });
    const gold = await screen.findByRole('article', { name: 'ACME gold' });
    expect(within(gold).getByText('In force')).toBeTruthy();
    expect(within(gold).getByText('From Jan 1, 2026 to Dec 31, 2026')).toBeTruthy();
    expect(within(gold).getByText('All your sites')).toBeTruthy();
    expect(within(gold).getByText('Equipment: Boiler hall A')).toBeTruthy();
    expect(within(gold).getByText('Parts and materials not included')).toBeTruthy();
    expect(within(gold).getByText('Mon–Fri 08:00–18:00')).toBeTruthy();
    expect(within(gold).getByText('Closed on public holidays (Italy)')).toBeTruthy();
    const rows = within(within(gold).getByRole('table'))
      .getAllByRole('row')
      .map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent));
    expect(rows).toEqual([
      ['Priority', 'We respond within', 'Service restored within'],
      ['Critical: equipment down', '2 hr', '8 hr'],
      ['Normal', '8 hr', '2 days'],
    ]);
    expect(within(gold).getByText('If restoration is late: €50.00 per started hour.')).toBeTruthy();
    const silver = screen.getByRole('article', { name: 'ACME silver 2025' });
    expect(within(silver).getByText('Expired')).toBeTruthy();
    expect(within(silver).getByText('Round the clock, every day')).toBeTruthy();
    expect(within(silver).getByText(/We have responded when the technician sets out\./)).toBeTruthy();
    expect(await axeViolations(container)).toEqual([]);
  });

  it('in Italian', async () => {
    await server.serve((_request, response) => sendJson(response, 200, CONTRACTS));
    renderPortal({ path: '/app/portal/contracts', language: 'it' });
    const gold = await screen.findByRole('article', { name: 'ACME gold' });
    expect(within(gold).getByText('In vigore')).toBeTruthy();
    expect(within(gold).getByText('lun–ven 08:00–18:00')).toBeTruthy();
    expect(within(gold).getByText('Chiuso nei giorni festivi (Italia)')).toBeTruthy();
    expect(within(gold).getByText('2 giorni')).toBeTruthy();
  });
});
