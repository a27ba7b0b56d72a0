import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderScreen } from '../../../testing/render-screen';
import { stubApiEachTest } from '../../../testing/stub-api-each-test';
import { sendJson, type HttpStub } from '../../../testing/start-http-stub';
import { StockPage } from './stock-page';
import { WarehouseStockTab } from './warehouse-stock-tab';
import { stockLevelOf } from '../testing/stock-level-of';

const names = (codes: [string, string][]) => ({
  items: codes.map(([code, name]) => ({ code, record: { name } })),
  total: codes.length,
});

let stub: HttpStub | undefined;
const server = stubApiEachTest();

async function startApi() {
  stub = await server.serve((request, response) => {
    const url = new URL(request.url, 'http://x');
    if (url.pathname === '/api/master-data/items')
      return sendJson(
        response,
        200,
        names([
          ['F', 'Filter'],
          ['V', 'Valve'],
        ]),
      );
    if (url.pathname === '/api/master-data/warehouses')
      return sendJson(
        response,
        200,
        names([
          ['W1', 'Main'],
          ['VAN', 'Van 1'],
        ]),
      );
    if (url.pathname === '/api/stock' && !url.searchParams.get('warehouseCode'))
      return sendJson(response, 200, [
        stockLevelOf('W1', 'F', 5),
        stockLevelOf('W1', 'V', 2, 2),
        stockLevelOf('VAN', 'F', 0),
      ]);
    if (url.pathname === '/api/stock') return sendJson(response, 200, [stockLevelOf('W1', 'F', 5)]);
    if (url.pathname === '/api/stock/W1/movements' && request.method === 'GET')
      return sendJson(response, 200, [
        {
          type: 'StockReceived',
          itemCode: 'F',
          quantity: 5,
          reason: 'Delivery',
          reference: null,
          at: '2026-01-01T10:00:00Z',
          actorName: 'Ada',
        },
      ]);
    if (url.pathname === '/api/stock/W1/movements' && request.method === 'POST')
      return sendJson(
        response,
        422,
        {
          status: 422,
          title: 'Unprocessable Content',
          code: 'insufficient_stock',
          details: { available: 5, requested: 9 },
        },
        'application/problem+json',
      );
    return sendJson(response, 404, { status: 404, title: 'Not Found' }, 'application/problem+json');
  });
}

describe('stock page', () => {
  it('lists levels across warehouses, marks shortages in words, and filters to shortages only', async () => {
    await startApi();
    renderScreen(<StockPage />, { path: '/app/stock' });
    const table = await screen.findByTestId('stock-levels');
    await waitFor(() => expect(within(table).getAllByText('Filter')).toHaveLength(2));
    expect(screen.getByText('3 levels')).toBeTruthy();
    expect(within(table).getAllByText(/none available/)).toHaveLength(2);

    fireEvent.click(screen.getByRole('checkbox', { name: 'Only shortages' }));
    expect(screen.getByText('2 levels')).toBeTruthy();
    const rows = within(screen.getByTestId('stock-levels')).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.getAttribute('data-item'))).toEqual(['V', 'F']);
  });
});

describe('warehouse stock tab', () => {
  it('checks the form before sending, then says a shortage in words', async () => {
    await startApi();
    renderScreen(<WarehouseStockTab warehouseCode="W1" />, { path: '/app/stock' });
    await screen.findByText('Delivery');
    expect(screen.getByText('Ada')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Record' }));
    expect(await screen.findAllByText('Required')).toHaveLength(3);
    expect(stub?.requests.some((r) => r.method === 'POST')).toBe(false);

    const form = screen.getByRole('form', { name: 'Record movement' });
    fireEvent.change(within(form).getByRole('textbox', { name: /^Quantity/ }), { target: { value: '9' } });
    fireEvent.change(within(form).getByRole('textbox', { name: /^Reason/ }), { target: { value: 'Job' } });
    // The item picker is a Mantine combobox; choose through its options as a user would.
    fireEvent.click(within(form).getByRole('combobox', { name: /^Item/ }));
    fireEvent.click(await screen.findByRole('option', { name: 'F · Filter' }));
    fireEvent.click(screen.getByRole('button', { name: 'Record' }));
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Only 5 available; 9 were asked for. Nothing was recorded.',
    );
    const post = stub?.requests.find((r) => r.method === 'POST');
    expect(JSON.parse(post?.body ?? '{}')).toEqual({
      type: 'receive',
      itemCode: 'F',
      quantity: 9,
      reason: 'Job',
    });
  });
});
