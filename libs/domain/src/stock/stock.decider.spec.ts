import { DomainError } from '../kernel/domain-error';
import { deciderSpecification } from '../testing';
import { stockDecider } from './stock.decider';
import type { StockEvent } from './stock-events';

const spec = deciderSpecification(stockDecider);
const W = 'VAN-1';
const received: StockEvent = {
  type: 'StockReceived',
  data: { warehouseCode: W, itemCode: 'FILTER', quantity: 5, reason: 'Delivery' },
};
const reserved: StockEvent = {
  type: 'StockReserved',
  data: { warehouseCode: W, itemCode: 'FILTER', quantity: 3, reason: 'Job 42', reservationId: 'R42' },
};

describe('stock decider', () => {
  it('issues only what is on hand and not reserved, naming what is available', () => {
    spec
      .given([received, reserved])
      .when({ type: 'issue', warehouseCode: W, itemCode: 'FILTER', quantity: 3, reason: 'Job 7' })
      .thenThrows(DomainError, (e) => e.code === 'insufficient_stock' && e.details['available'] === 2);
    spec
      .given([received, reserved])
      .when({ type: 'issue', warehouseCode: W, itemCode: 'FILTER', quantity: 2, reason: 'Job 7' })
      .then([
        { type: 'StockIssued', data: { warehouseCode: W, itemCode: 'FILTER', quantity: 2, reason: 'Job 7' } },
      ]);
  });

  it('issues a reservation once, and releases it once', () => {
    const issue = {
      type: 'issue' as const,
      warehouseCode: W,
      itemCode: 'FILTER',
      quantity: 3,
      reason: 'Job 42',
      reservationId: 'R42',
    };
    spec
      .given([received, reserved])
      .when(issue)
      .then([
        {
          type: 'StockIssued',
          data: { warehouseCode: W, itemCode: 'FILTER', quantity: 3, reason: 'Job 42', reservationId: 'R42' },
        },
      ]);
    const issued: StockEvent = { type: 'StockIssued', data: { ...issue } as never };
    spec
      .given([received, reserved, issued])
      .when(issue)
      .thenThrows(DomainError, (e) => e.code === 'unknown_reservation');
    spec
      .given([received, reserved])
      .when({
        type: 'reserve',
        warehouseCode: W,
        itemCode: 'FILTER',
        quantity: 3,
        reason: 'Job 42',
        reservationId: 'R42',
      })
      .thenNothingHappens();
    spec
      .given([received])
      .when({ type: 'release', warehouseCode: W, reservationId: 'R42', reason: 'Cancelled' })
      .thenNothingHappens();
  });

  it('records a count as the difference, and refuses to count below what is reserved', () => {
    spec
      .given([received])
      .when({ type: 'count', warehouseCode: W, itemCode: 'FILTER', counted: 4, reason: 'Inventory' })
      .then([
        {
          type: 'StockCounted',
          data: {
            warehouseCode: W,
            itemCode: 'FILTER',
            quantity: 1,
            counted: 4,
            difference: -1,
            reason: 'Inventory',
          },
        },
      ]);
    spec
      .given([received])
      .when({ type: 'count', warehouseCode: W, itemCode: 'FILTER', counted: 5, reason: 'Inventory' })
      .thenNothingHappens();
    spec
      .given([received, reserved])
      .when({ type: 'count', warehouseCode: W, itemCode: 'FILTER', counted: 1, reason: 'Inventory' })
      .thenThrows(DomainError, (e) => e.code === 'below_reserved');
  });

  it('receives a transfer once whatever the retries', () => {
    const transferIn = {
      type: 'transferIn' as const,
      warehouseCode: W,
      itemCode: 'FILTER',
      quantity: 2,
      reason: 'Restock',
      transferId: 'T1',
      fromWarehouseCode: 'WH-MI',
    };
    const arrived: StockEvent = {
      type: 'StockTransferredIn',
      data: {
        warehouseCode: W,
        itemCode: 'FILTER',
        quantity: 2,
        reason: 'Restock',
        transferId: 'T1',
        fromWarehouseCode: 'WH-MI',
      },
    };
    spec.given([]).when(transferIn).then([arrived]);
    spec.given([arrived]).when(transferIn).thenNothingHappens();
  });

  it('keeps litres exact to the thousandth', () => {
    const oil = (quantity: number): StockEvent => ({
      type: 'StockReceived',
      data: { warehouseCode: W, itemCode: 'OIL', quantity, reason: 'x' },
    });
    const state = [oil(0.1), oil(0.2)].reduce(stockDecider.evolve, stockDecider.initialState);
    expect(state.levels['OIL']).toEqual({ onHand: 0.3, reserved: 0 });
  });
});
