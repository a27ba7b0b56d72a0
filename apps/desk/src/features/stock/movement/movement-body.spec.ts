import { EMPTY_MOVEMENT_DRAFT, type MovementDraft } from '../types/movement-draft';
import { movementBody } from './movement-body';

const draft = (fields: Partial<MovementDraft>): MovementDraft => ({ ...EMPTY_MOVEMENT_DRAFT, ...fields });

describe('movementBody', () => {
  it('sends only the fields the type takes, trimmed, quantities as numbers (decimal comma too)', () => {
    expect(
      movementBody(
        draft({
          type: 'receive',
          itemCode: ' FILTER ',
          quantity: '2,5',
          reason: 'Delivery',
          reservationId: 'ignored',
          toWarehouseCode: 'ignored',
        }),
      ),
    ).toEqual({ ok: true, body: { type: 'receive', itemCode: 'FILTER', quantity: 2.5, reason: 'Delivery' } });
  });

  it('builds each type as the API expects it', () => {
    expect(movementBody(draft({ type: 'release', reservationId: 'JOB-1', reason: 'Cancelled' }))).toEqual({
      ok: true,
      body: { type: 'release', reservationId: 'JOB-1', reason: 'Cancelled' },
    });
    expect(movementBody(draft({ type: 'count', itemCode: 'F', counted: '0', reason: 'Inventory' }))).toEqual({
      ok: true,
      body: { type: 'count', itemCode: 'F', counted: 0, reason: 'Inventory' },
    });
    expect(
      movementBody(
        draft({
          type: 'transfer',
          itemCode: 'F',
          quantity: '3',
          toWarehouseCode: 'VAN1',
          reason: 'Restock',
          reference: 'T-9',
        }),
      ),
    ).toEqual({
      ok: true,
      body: {
        type: 'transfer',
        itemCode: 'F',
        quantity: 3,
        toWarehouseCode: 'VAN1',
        reason: 'Restock',
        reference: 'T-9',
      },
    });
  });

  it('names every missing or malformed field and sends nothing', () => {
    expect(movementBody(draft({ type: 'issue', quantity: 'two' }))).toEqual({
      ok: false,
      problems: { itemCode: 'required', quantity: 'notANumber', reason: 'required' },
    });
    expect(movementBody(draft({ type: 'issue', itemCode: 'F', quantity: '0', reason: 'x' }))).toEqual({
      ok: false,
      problems: { quantity: 'notPositive' },
    });
    expect(movementBody(draft({ type: 'count', itemCode: 'F', counted: '-1', reason: 'x' }))).toEqual({
      ok: false,
      problems: { counted: 'negative' },
    });
    expect(movementBody(draft({ type: 'reserve', itemCode: 'F', quantity: '1', reason: 'x' }))).toEqual({
      ok: false,
      problems: { reservationId: 'required' },
    });
  });
});
