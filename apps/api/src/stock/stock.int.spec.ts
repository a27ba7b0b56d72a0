import { withOrganisationApi } from '../testing/organisation-fixture';

describe('stock movements through the API', () => {
  const suite = withOrganisationApi();

  const move = (token: string, warehouse: string, body: unknown) =>
    suite.api.call('POST', `/api/stock/${warehouse}/movements`, token, body);
  const levelOf = async (warehouse: string, item: string) =>
    (
      (await (
        await suite.api.call('GET', `/api/stock?warehouseCode=${warehouse}&itemCode=${item}`, suite.admin)
      ).json()) as { onHand: number; reserved: number; available: number }[]
    )[0];

  it("receives into the centre's warehouse, transfers to a van, and the technician uses a part", async () => {
    expect(
      (
        await move(suite.tokens.dispatcherMi, 'WH-MI', {
          type: 'receive',
          itemCode: 'FILTER',
          quantity: 10,
          reason: 'Delivery DDT 123',
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await move(suite.tokens.dispatcherMi, 'WH-MI', {
          type: 'transfer',
          itemCode: 'FILTER',
          quantity: 4,
          reason: 'Van restock',
          toWarehouseCode: 'VAN-T-MI-1',
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await move(suite.tokens.technicianMi, 'VAN-T-MI-1', {
          type: 'issue',
          itemCode: 'FILTER',
          quantity: 1,
          reason: 'Used on SN-ACME-1',
        })
      ).status,
    ).toBe(201);
    expect(await levelOf('WH-MI', 'FILTER')).toMatchObject({ onHand: 6, available: 6 });
    expect(await levelOf('VAN-T-MI-1', 'FILTER')).toMatchObject({ onHand: 3, available: 3 });
    const movements = await (
      await suite.api.call('GET', '/api/stock/VAN-T-MI-1/movements', suite.tokens.technicianMi)
    ).json();
    expect(movements.map((m: { type: string; actorName: string }) => [m.type, m.actorName])).toEqual([
      ['StockIssued', 'Mario Rossi'],
      ['StockTransferredIn', 'Desk Milano'],
    ]);
  });

  it('refuses to issue more than is available, naming what is, and changes nothing', async () => {
    await move(suite.admin, 'WH-MI', {
      type: 'reserve',
      itemCode: 'FILTER',
      quantity: 5,
      reason: 'Job 42',
      reservationId: 'R-42',
    });
    const response = await move(suite.admin, 'WH-MI', {
      type: 'issue',
      itemCode: 'FILTER',
      quantity: 2,
      reason: 'Job 43',
    });
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({
      code: 'insufficient_stock',
      details: { available: 1, requested: 2 },
    });
    expect(await levelOf('WH-MI', 'FILTER')).toMatchObject({ onHand: 6, reserved: 5, available: 1 });
  });

  it('answers bad movements by field', async () => {
    const response = await move(suite.admin, 'WH-MI', {
      type: 'receive',
      itemCode: 'NOPE',
      quantity: -1,
      reason: '',
    });
    expect(response.status).toBe(400);
    expect((await response.json()).errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'quantity',
      'reason',
    ]);
    const unknownItem = await move(suite.admin, 'WH-MI', {
      type: 'receive',
      itemCode: 'NOPE',
      quantity: 1,
      reason: 'x',
    });
    expect((await unknownItem.json()).errors).toEqual([
      expect.objectContaining({ field: 'itemCode', code: 'unknown_reference' }),
    ]);
  });

  it('keeps movers to their own warehouses and vans', async () => {
    expect(
      (
        await move(suite.tokens.technicianMi, 'VAN-T-MI-1', {
          type: 'receive',
          itemCode: 'FILTER',
          quantity: 1,
          reason: 'x',
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await move(suite.tokens.technicianMi, 'VAN-T-RM-1', {
          type: 'issue',
          itemCode: 'FILTER',
          quantity: 1,
          reason: 'x',
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await move(suite.tokens.dispatcherRm, 'WH-MI', {
          type: 'receive',
          itemCode: 'FILTER',
          quantity: 1,
          reason: 'x',
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await move(suite.tokens.auditor, 'WH-MI', {
          type: 'receive',
          itemCode: 'FILTER',
          quantity: 1,
          reason: 'x',
        })
      ).status,
    ).toBe(403);
    const seen = await (await suite.api.call('GET', '/api/stock', suite.tokens.dispatcherRm)).json();
    expect(seen.map((level: { warehouseCode: string }) => level.warehouseCode)).not.toContain('WH-MI');
  });
});
