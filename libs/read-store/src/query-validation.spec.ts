import { validateDocument } from './document-check';
import { InvalidDocumentError, InvalidQueryError } from './errors';
import type { Filter, IndexSpec, Projection, Sort, Update } from './query';
import {
  validateFilter,
  validateFindOptions,
  validateIndexes,
  validateProjection,
  validateSort,
  validateUpdate,
} from './query-validation';

function pathOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof InvalidQueryError) return error.path;
    if (error instanceof InvalidDocumentError) return `document:${error.path}`;
    throw error;
  }
  throw new Error('expected the query to be refused');
}

describe('filter validation', () => {
  it('passes the supported subset through unchanged', () => {
    const filters = [
      {},
      { status: 'open', 'site.zone': 'z1', 'parts.0.sku': 'p1' },
      { priority: { $gte: 2, $lt: 3 }, zone: { $in: [null, 'z2'] }, tags: { $nin: ['x'] } },
      { $or: [{ status: 'closed' }, { priority: { $gt: 2.5 } }], $nor: [{ skills: { $size: 0 } }] },
      { parts: { $elemMatch: { sku: 'p1', qty: { $gt: 4 } } }, skills: { $elemMatch: { $gte: 'h' } } },
      { priority: { $not: { $gt: 2 } }, skills: { $all: ['gas'] }, note: { $exists: true, $ne: null } },
      { skills: ['gas'], site: { zone: 'z1' } },
    ];
    for (const filter of filters) expect(validateFilter(filter)).toBe(filter);
  });

  it.each<[string, unknown, string]>([
    ['unknown top-level operator', { $where: 'x' }, 'filter.$where'],
    ['unknown field operator', { n: { $regex: 'a' } }, 'filter.n.$regex'],
    ['$in needs an array', { n: { $in: 5 } }, 'filter.n.$in'],
    ['$in of operators', { n: { $in: [{ $gt: 1 }] } }, 'filter.n.$in.0'],
    ['$or needs a non-empty array', { $or: [] }, 'filter.$or'],
    ['nested in $and', { $and: [{ a: 1 }, { b: { $size: -1 } }] }, 'filter.$and.1.b.$size'],
    ['mixed operators and fields', { a: { $gt: 1, b: 2 } }, 'filter.a'],
    ['$exists needs a boolean', { a: { $exists: 'yes' } }, 'filter.a.$exists'],
    ['$not needs operators', { a: { $not: 5 } }, 'filter.a.$not'],
    ['empty path segment', { 'a..b': 1 }, 'filter.a..b'],
    ['$-prefixed path segment', { 'a.$x': 1 }, 'filter.a.$x'],
    ['a non-finite number', { a: Number.POSITIVE_INFINITY }, 'filter.a'],
    ['an undefined value', { a: undefined }, 'filter.a'],
    ['a Date', { a: new Date(0) }, 'filter.a'],
    ['a RegExp', { a: { $eq: /x/ } }, 'filter.a.$eq'],
    [
      'unknown operator inside $elemMatch',
      { a: { $elemMatch: { $regex: 'x' } } },
      'filter.a.$elemMatch.$regex',
    ],
    ['not an object', 'status', 'filter'],
  ])('refuses %s, naming the path', (_name, filter, path) => {
    expect(pathOf(() => validateFilter(filter as Filter))).toBe(path);
  });
});

describe('sort, projection and find options', () => {
  it('adds _id as the last tie-breaker in the last key’s direction unless named', () => {
    expect(validateSort({ zone: 1, priority: -1 })).toEqual({ zone: 1, priority: -1, _id: -1 });
    expect(Object.keys(validateSort({ zone: 1, priority: -1 })!)).toEqual(['zone', 'priority', '_id']);
    expect(validateSort({ _id: -1, zone: 1 })).toEqual({ _id: -1, zone: 1 });
    expect(validateSort({})).toBeUndefined();
    expect(validateSort(undefined)).toBeUndefined();
  });

  it.each<[string, () => unknown, string]>([
    ['a bad sort direction', () => validateSort({ a: 2 } as unknown as Sort), 'sort.a'],
    ['a mixed projection', () => validateProjection({ a: 1, b: 0 }), 'projection.b'],
    ['a projection path collision', () => validateProjection({ a: 1, 'a.b': 1 }), 'projection.a.b'],
    ['a projection flag', () => validateProjection({ a: true } as unknown as Projection), 'projection.a'],
    ['a negative skip', () => validateFindOptions({ skip: -1 }), 'skip'],
    ['a fractional limit', () => validateFindOptions({ limit: 1.5 }), 'limit'],
  ])('refuses %s', (_name, run, path) => {
    expect(pathOf(run)).toBe(path);
  });

  it('accepts _id exclusion alongside inclusion', () => {
    expect(validateProjection({ _id: 0, priority: 1 })).toEqual({ _id: 0, priority: 1 });
    expect(validateFindOptions({ skip: 1, limit: 0 })).toEqual({ skip: 1, limit: 0 });
  });
});

describe('update validation', () => {
  it('passes supported updates through', () => {
    const update: Update = {
      $set: { 'site.zone': 'z2' },
      $unset: { n: '' },
      $inc: { visits: 1 },
      $push: { tags: 'c' },
      $pull: { parts: { sku: 'p1' } },
    };
    expect(validateUpdate(update)).toBe(update);
    expect(validateUpdate({ $pull: { qty: { $gte: 3 } } })).toBeDefined();
  });

  it.each<[string, unknown, string]>([
    ['a non-numeric $inc', { $inc: { n: 'one' } }, 'update.$inc.n'],
    ['an unknown operator', { $rename: { n: 'm' } }, 'update.$rename'],
    ['a path named twice', { $set: { n: 1 }, $inc: { n: 1 } }, 'update.$inc.n'],
    ['a path under another', { $set: { a: {} }, $unset: { 'a.b': '' } }, 'update.$unset.a.b'],
    ['an _id change', { $set: { _id: 'y' } }, 'update.$set._id'],
    ['no operator', {}, 'update'],
    ['a value that is not JSON', { $set: { at: new Date(0) } }, 'update.$set.at'],
    ['a field name MongoDB cannot address', { $set: { a: { 'b.c': 1 } } }, 'update.$set.a'],
  ])('refuses %s', (_name, update, path) => {
    expect(pathOf(() => validateUpdate(update as Update))).toBe(path);
  });
});

describe('documents and indexes', () => {
  it('accepts JSON documents with a string _id', () => {
    expect(() =>
      validateDocument('items', {
        _id: 'x',
        n: 1,
        list: [1, { a: null }],
        nested: { ok: true },
        skipped: undefined,
      }),
    ).not.toThrow();
  });

  it.each<[string, unknown, string]>([
    ['a missing _id', { n: 1 }, 'document:_id'],
    ['a numeric _id', { _id: 1 }, 'document:_id'],
    ['a $-prefixed field', { _id: 'x', site: { $bad: 1 } }, 'document:site.$bad'],
    ['a dotted field name', { _id: 'x', 'a.b': 1 }, 'document:a.b'],
    ['a NaN', { _id: 'x', n: Number.NaN }, 'document:n'],
    ['a Date', { _id: 'x', at: new Date(0) }, 'document:at'],
    ['a document over 16 MiB', { _id: 'x', blob: 'x'.repeat(16 * 1024 * 1024) }, 'document:document'],
  ])('refuses %s', (_name, document, path) => {
    expect(pathOf(() => validateDocument('items', document))).toBe(path);
  });

  it('checks index specs', () => {
    expect(validateIndexes([{ keys: { a: 1, 'b.c': -1 }, unique: true, name: 'ab' }])).toHaveLength(1);
    expect(pathOf(() => validateIndexes([{ keys: {} }]))).toBe('indexes.0.keys');
    expect(
      pathOf(() => validateIndexes([{ keys: { a: 1 } }, { keys: { a: 'text' } }] as unknown as IndexSpec[])),
    ).toBe('indexes.1.keys.a');
    expect(pathOf(() => validateIndexes([{ keys: { a: 1 }, unique: 'yes' }] as unknown as IndexSpec[]))).toBe(
      'indexes.0.unique',
    );
  });
});
