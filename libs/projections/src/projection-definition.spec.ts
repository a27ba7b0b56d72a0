import { InvalidProjectionError, defineProjection } from './projection-definition';
import { checkProjectionSet } from './runner-options';
import { streamCatalogueProjection } from './stream-catalogue.projection';

const valid = {
  name: 'work-orders',
  version: 1,
  eventTypes: ['WorkOrderOpened'],
  collections: { work_orders: { indexes: [{ keys: { status: 1 as const } }] } },
  documentsFor: () => [],
  apply: () => [],
};

function fieldOf(make: () => unknown): string | undefined {
  try {
    make();
  } catch (error) {
    if (error instanceof InvalidProjectionError) return error.field;
    throw error;
  }
  return undefined;
}

describe('defineProjection', () => {
  it('accepts a complete definition', () => {
    expect(defineProjection(valid).name).toBe('work-orders');
  });

  it.each([
    ['name', { name: 'Work Orders' }],
    ['version', { version: 0 }],
    ['version', { version: 1.5 }],
    ['eventTypes', { eventTypes: [] }],
    ['collections', { collections: {} }],
    ['collections.work-orders', { collections: { 'work-orders': {} } }],
    ['collections.projection_versions', { collections: { projection_versions: {} } }],
    ['collections.work_orders.indexes[0]', { collections: { work_orders: { indexes: [{ keys: {} }] } } }],
    ['apply', { apply: undefined }],
  ])('names the field %s when it is wrong', (field, override) => {
    expect(fieldOf(() => defineProjection({ ...valid, ...override } as unknown as typeof valid))).toBe(field);
  });

  it('refuses two projections with one name or one collection', () => {
    const work = defineProjection(valid);
    expect(fieldOf(() => checkProjectionSet([work, work]))).toBe('projections[1].name');
    const rival = defineProjection({ ...valid, name: 'work-order-board' });
    expect(fieldOf(() => checkProjectionSet([work, rival]))).toBe('projections[1].collections.work_orders');
    expect(fieldOf(() => checkProjectionSet([]))).toBe('projections');
    expect(fieldOf(() => checkProjectionSet([work, streamCatalogueProjection]))).toBeUndefined();
  });
});
