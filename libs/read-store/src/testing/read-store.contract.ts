import fc from 'fast-check';
import { Query } from 'mingo';
import {
  CheckpointConflictError,
  DocumentNotFoundError,
  DuplicateKeyError,
  InvalidCollectionNameError,
  InvalidDocumentError,
  InvalidQueryError,
} from '../errors';
import type { Filter, FindOptions, IndexSpec, Sort } from '../query';
import type { ReadDocument } from '../read-document';
import type { ReadCollection, ReadStore } from '../read-store.port';

export interface ReadStoreContractOptions {
  /**
   * Whether a failing bulkWrite leaves nothing written. The contract requires of every adapter
   * that bulkWrite applies writes in order and stops at the first failure; the embedded adapter
   * also promises all-or-nothing, a MongoDB adapter without a transaction may not.
   */
  atomicBulkWrite?: boolean;
  /**
   * Property-test runs (each: one random collection, several random queries). 0 registers the
   * property test as skipped: for an adapter whose stand-in answers with mingo itself, comparing
   * against mingo proves nothing.
   */
  propertyRuns?: number;
  /**
   * Cases this adapter's suite cannot hold, by exact case name, with the reason. They are
   * registered with `it.skip` and the reason in their name, so a report shows them; a name that
   * matches no case fails the suite, so a renamed case cannot silently start running (or not).
   */
  skip?: Readonly<Record<string, string>>;
}

type Doc = ReadDocument;

async function seed(collection: ReadCollection, documents: Doc[]): Promise<void> {
  await collection.bulkWrite(documents.map((document) => ({ op: 'put' as const, document })));
}

async function ids(collection: ReadCollection, filter: Filter, options?: FindOptions): Promise<string[]> {
  const found = await collection.find(filter, options);
  return found.map((d) => d._id);
}

/** Sorted ids, for filters whose result order is not specified. */
async function idSet(collection: ReadCollection, filter: Filter): Promise<string[]> {
  return (await ids(collection, filter)).sort();
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

/**
 * The read store contract: every adapter runs these cases. `makeStore` gives a fresh, empty store
 * per call; the suite closes each store it opened.
 */
export function readStoreContract(
  adapterName: string,
  makeStore: () => Promise<ReadStore>,
  options: ReadStoreContractOptions = {},
): void {
  const skips = new Map(Object.entries(options.skip ?? {}));
  const contractCase = (name: string, fn: () => Promise<void>, timeout?: number): void => {
    const reason = skips.get(name);
    skips.delete(name);
    if (reason === undefined) it(name, fn, timeout);
    // Skipped only when the adapter's spec names this case with its reason (what the driver or
    // server cannot do); the reason is printed in the test's name.
    else it.skip(`${name} [skipped: ${reason}]`, fn);
  };
  /** `it.each(cases)('%s', …)` through `contractCase`, so table cases can be skipped by name too. */
  const eachCase = <Row extends [string, ...unknown[]]>(
    rows: Row[],
    fn: (...row: Row) => Promise<void>,
  ): void => {
    for (const row of rows) contractCase(row[0], () => fn(...row));
  };

  describe(`ReadStore contract: ${adapterName}`, () => {
    let store: ReadStore;
    let items: ReadCollection;

    beforeEach(async () => {
      store = await makeStore();
      items = store.collection('items');
    });
    afterEach(async () => {
      await store.close();
    });

    describe('single-document writes', () => {
      contractCase('answers null for a missing document and the document after insert', async () => {
        expect(await items.get('x')).toBeNull();
        const doc = { _id: 'x', n: 1, tags: ['a'], site: { zone: 'z1' }, none: null, f: -2.5, ok: true };
        await items.insert(doc);
        expect(await items.get('x')).toEqual(doc);
      });

      contractCase('refuses a duplicate _id with DuplicateKeyError and keeps the original', async () => {
        await items.insert({ _id: 'x', n: 1 });
        const error = await rejection(items.insert({ _id: 'x', n: 2 }));
        expect(error).toBeInstanceOf(DuplicateKeyError);
        expect((error as DuplicateKeyError).collection).toBe('items');
        expect(await items.get('x')).toEqual({ _id: 'x', n: 1 });
      });

      contractCase('replaces an existing document and refuses a missing one', async () => {
        await items.insert({ _id: 'x', n: 1, gone: true });
        await items.replace({ _id: 'x', n: 2 });
        expect(await items.get('x')).toEqual({ _id: 'x', n: 2 });
        const error = await rejection(items.replace({ _id: 'y', n: 1 }));
        expect(error).toBeInstanceOf(DocumentNotFoundError);
        expect(await items.get('y')).toBeNull();
      });

      contractCase('puts (insert or replace) and says whether it created', async () => {
        expect(await items.put({ _id: 'x', n: 1 })).toEqual({ created: true });
        expect(await items.put({ _id: 'x', n: 2 })).toEqual({ created: false });
        expect(await items.get('x')).toEqual({ _id: 'x', n: 2 });
      });

      contractCase('deletes and says whether it did', async () => {
        await items.insert({ _id: 'x' });
        expect(await items.delete('x')).toEqual({ deleted: true });
        expect(await items.delete('x')).toEqual({ deleted: false });
        expect(await items.get('x')).toBeNull();
      });

      contractCase('keeps collections apart', async () => {
        await items.insert({ _id: 'x', in: 'items' });
        await store.collection('others').insert({ _id: 'x', in: 'others' });
        expect(await items.get('x')).toEqual({ _id: 'x', in: 'items' });
        expect(await store.collection('others').count()).toBe(1);
      });

      contractCase('refuses invalid collection names and documents, naming the field', async () => {
        for (const name of ['', '1abc', 'a b', '_checkpoints', 'a"b', 'system.x']) {
          expect(() => store.collection(name)).toThrow(InvalidCollectionNameError);
        }
        const noId = await rejection(items.insert({ n: 1 } as unknown as Doc));
        expect(noId).toBeInstanceOf(InvalidDocumentError);
        expect((noId as InvalidDocumentError).path).toBe('_id');
        const dollar = await rejection(items.insert({ _id: 'x', site: { $bad: 1 } } as unknown as Doc));
        expect((dollar as InvalidDocumentError).path).toBe('site.$bad');
        const huge = await rejection(items.insert({ _id: 'big', blob: 'x'.repeat(17 * 1024 * 1024) }));
        expect(huge).toBeInstanceOf(InvalidDocumentError);
        expect(await items.count()).toBe(0);
      });
    });

    describe('update', () => {
      beforeEach(async () => {
        await items.insert({
          _id: 'x',
          n: 1,
          site: { zone: 'z1' },
          tags: ['a', 'b', 'a'],
          parts: [
            { sku: 'p1', qty: 1 },
            { sku: 'p2', qty: 3 },
          ],
        });
      });

      contractCase('applies $set (dotted, creating objects) and $unset', async () => {
        expect(
          await items.update('x', {
            $set: { 'site.zone': 'z2', 'site.geo.lat': 1.5, status: 'open' },
            $unset: { n: '' },
          }),
        ).toEqual({ matched: true });
        expect(await items.get('x')).toEqual({
          _id: 'x',
          site: { zone: 'z2', geo: { lat: 1.5 } },
          tags: ['a', 'b', 'a'],
          parts: [
            { sku: 'p1', qty: 1 },
            { sku: 'p2', qty: 3 },
          ],
          status: 'open',
        });
      });

      contractCase('applies $inc to existing and missing fields', async () => {
        await items.update('x', { $inc: { n: 2, 'stats.visits': 1 } });
        const doc = await items.get('x');
        expect(doc?.['n']).toBe(3);
        expect(doc?.['stats']).toEqual({ visits: 1 });
      });

      contractCase(
        'applies $push (creating the array) and $pull (by value and by document query)',
        async () => {
          await items.update('x', { $push: { tags: 'c', notes: 'first' }, $pull: { parts: { sku: 'p1' } } });
          await items.update('x', { $pull: { tags: 'a' } });
          const doc = await items.get('x');
          expect(doc?.['tags']).toEqual(['b', 'c']);
          expect(doc?.['notes']).toEqual(['first']);
          expect(doc?.['parts']).toEqual([{ sku: 'p2', qty: 3 }]);
        },
      );

      contractCase('answers matched: false for a missing document unless upserting', async () => {
        expect(await items.update('y', { $set: { n: 1 } })).toEqual({ matched: false });
        expect(await items.get('y')).toBeNull();
        expect(await items.update('y', { $set: { 'a.b': 1 }, $inc: { n: 5 } }, { upsert: true })).toEqual({
          matched: true,
        });
        expect(await items.get('y')).toEqual({ _id: 'y', a: { b: 1 }, n: 5 });
      });

      contractCase(
        'refuses bad updates with InvalidQueryError naming the path, changing nothing',
        async () => {
          const before = await items.get('x');
          const cases: [unknown, string][] = [
            [{ $inc: { n: 'one' } }, 'update.$inc.n'],
            [{ $inc: { 'site.zone': 1 } }, 'update.$inc.site.zone'],
            [{ $rename: { n: 'm' } }, 'update.$rename'],
            [{ $set: { n: 1 }, $inc: { n: 1 } }, 'update.$inc.n'],
            [{ $set: { _id: 'y' } }, 'update.$set._id'],
            [{ $push: { n: 1 } }, 'update.$push.n'],
            [{}, 'update'],
          ];
          for (const [update, path] of cases) {
            const error = await rejection(items.update('x', update as never));
            expect(error).toBeInstanceOf(InvalidQueryError);
            expect((error as InvalidQueryError).path).toBe(path);
          }
          expect(await items.get('x')).toEqual(before);
        },
      );
    });

    describe('find', () => {
      const docs: Doc[] = [
        {
          _id: 'd1',
          status: 'open',
          priority: 2,
          zone: 'z1',
          skills: ['gas', 'water'],
          site: { zone: 'z1', floor: 1 },
          parts: [
            { sku: 'p1', qty: 2 },
            { sku: 'p2', qty: 5 },
          ],
        },
        {
          _id: 'd2',
          status: 'closed',
          priority: 1,
          zone: 'z2',
          skills: ['gas'],
          site: { zone: 'z2', floor: 3 },
          parts: [{ sku: 'p2', qty: 1 }],
          crew: [{ skills: ['gas'] }, { skills: ['elec', 'hvac'] }],
        },
        {
          _id: 'd3',
          status: 'open',
          priority: 3,
          zone: 'z1',
          skills: [],
          site: { zone: 'z1' },
          note: null,
          parts: [],
        },
        {
          _id: 'd4',
          status: 'open',
          priority: 2.5,
          zone: null,
          skills: ['elec', 'gas', 'water'],
          parts: [
            { sku: 'p1', qty: 9 },
            { sku: 'p3', qty: 1 },
          ],
        },
        { _id: 'd5', status: 'hold', priority: '2', skills: 'gas', site: [{ zone: 'z3' }, { zone: 'z1' }] },
      ];
      beforeEach(async () => {
        await seed(items, docs);
      });

      const cases: [string, Filter, string[]][] = [
        ['implicit equality', { status: 'open' }, ['d1', 'd3', 'd4']],
        ['$eq', { priority: { $eq: 2 } }, ['d1']],
        ['numbers never equal strings', { priority: 2 }, ['d1']],
        ['$ne matches missing fields', { zone: { $ne: 'z1' } }, ['d2', 'd4', 'd5']],
        ['$ne null excludes null and missing', { note: { $ne: null } }, []],
        ['$ne on a value', { status: { $ne: 'open' } }, ['d2', 'd5']],
        ['null matches null and missing', { zone: null }, ['d4', 'd5']],
        ['explicit null vs missing through $exists', { note: { $exists: true } }, ['d3']],
        ['$exists false', { site: { $exists: false } }, ['d4']],
        ['$in', { status: { $in: ['hold', 'closed'] } }, ['d2', 'd5']],
        ['$in with null matches missing', { zone: { $in: [null, 'z2'] } }, ['d2', 'd4', 'd5']],
        ['$nin matches missing fields', { zone: { $nin: ['z1'] } }, ['d2', 'd4', 'd5']],
        ['$in with an empty list matches nothing', { status: { $in: [] } }, []],
        [
          '$nin with an empty list matches everything',
          { status: { $nin: [] } },
          ['d1', 'd2', 'd3', 'd4', 'd5'],
        ],
        ['$in keeps numbers and strings apart', { priority: { $in: [2, '2', 3, 'x'] } }, ['d1', 'd3', 'd5']],
        ['$in over several types and null', { zone: { $in: ['z2', 'z9', 1, 2, null] } }, ['d2', 'd4', 'd5']],
        ['$nin keeps numbers and strings apart', { priority: { $nin: [1, 2, '2', 3] } }, ['d4']],
        ['$in on an array field: any element', { skills: { $in: ['water', 'elec'] } }, ['d1', 'd4']],
        ['$in through an array of documents', { 'parts.sku': { $in: ['p3', 'p9'] } }, ['d4']],
        ['$in on _id', { _id: { $in: ['d2', 'd4', 'none', 4] } }, ['d2', 'd4']],
        ['$gt is type-bracketed', { priority: { $gt: 1 } }, ['d1', 'd3', 'd4']],
        ['$gte / $lt range', { priority: { $gte: 2, $lt: 3 } }, ['d1', 'd4']],
        ['string comparison', { priority: { $lte: 'z' } }, ['d5']],
        ['$lte null matches null and missing', { note: { $lte: null } }, ['d1', 'd2', 'd3', 'd4', 'd5']],
        ['array membership', { skills: 'water' }, ['d1', 'd4']],
        ['scalar or array member', { skills: 'gas' }, ['d1', 'd2', 'd4', 'd5']],
        ['whole-array equality', { skills: ['gas'] }, ['d2']],
        ['empty array equality', { skills: [] }, ['d3']],
        ['dotted path', { 'site.zone': 'z1' }, ['d1', 'd3', 'd5']],
        ['dotted path through an array of documents', { 'parts.sku': 'p1' }, ['d1', 'd4']],
        ['an array reached through an array offers its elements', { 'crew.skills': 'elec' }, ['d2']],
        ['positional path', { 'parts.0.sku': 'p2' }, ['d2']],
        ['range on an array of documents: any element', { 'parts.qty': { $gt: 4 } }, ['d1', 'd4']],
        [
          '$elemMatch on documents: same element',
          { parts: { $elemMatch: { sku: 'p1', qty: { $gt: 4 } } } },
          ['d4'],
        ],
        ['without $elemMatch: any elements', { 'parts.sku': 'p1', 'parts.qty': { $gt: 4 } }, ['d1', 'd4']],
        ['$elemMatch on values', { skills: { $elemMatch: { $gte: 'h', $lt: 'x' } } }, ['d1', 'd4']],
        ['$size', { skills: { $size: 1 } }, ['d2']],
        ['$size 0', { parts: { $size: 0 } }, ['d3']],
        ['$all', { skills: { $all: ['water', 'gas'] } }, ['d1', 'd4']],
        ['$not', { priority: { $not: { $gt: 2 } } }, ['d1', 'd2', 'd5']],
        ['$and', { $and: [{ status: 'open' }, { 'site.floor': { $gte: 1 } }] }, ['d1']],
        ['$or', { $or: [{ status: 'closed' }, { priority: { $gt: 2.5 } }] }, ['d2', 'd3']],
        ['$nor', { $nor: [{ status: 'open' }, { skills: 'gas' }] }, []],
        [
          '$nor with missing',
          { $nor: [{ 'site.floor': { $exists: true } }, { skills: { $size: 0 } }] },
          ['d4', 'd5'],
        ],
        ['empty filter', {}, ['d1', 'd2', 'd3', 'd4', 'd5']],
        ['_id equality', { _id: 'd3' }, ['d3']],
      ];
      eachCase(cases, async (_name, filter, expected) => {
        expect(await idSet(items, filter)).toEqual(expected);
      });

      contractCase('counts what find finds', async () => {
        for (const [, filter, expected] of cases) expect(await items.count(filter)).toBe(expected.length);
      });

      contractCase('sorts on several keys, skips and limits', async () => {
        expect(await ids(items, { status: 'open' }, { sort: { zone: 1, priority: -1 } })).toEqual([
          'd4',
          'd3',
          'd1',
        ]);
        expect(await ids(items, {}, { sort: { status: 1, priority: 1 }, skip: 1, limit: 2 })).toEqual([
          'd5',
          'd1',
        ]);
        // As in MongoDB, a limit of 0 means no limit.
        expect(await ids(items, { status: 'open' }, { sort: { zone: 1, priority: -1 }, limit: 0 })).toEqual([
          'd4',
          'd3',
          'd1',
        ]);
        expect(await items.findOne({ status: 'open' }, { sort: { priority: -1 } })).toMatchObject({
          _id: 'd3',
        });
        expect(await items.findOne({ status: 'none' })).toBeNull();
      });

      contractCase('answers the same with indexes as without', async () => {
        const queries: [Filter, FindOptions][] = [
          [{ status: 'open', zone: 'z1' }, { sort: { priority: 1 } }],
          [{ 'site.zone': 'z1' }, { sort: { priority: -1 }, limit: 2 }],
          [{ skills: 'gas' }, { sort: { skills: 1 } }],
          [{ priority: { $gte: 2 } }, { sort: { priority: 1 }, skip: 1, limit: 2 }],
        ];
        const before = await Promise.all(queries.map(([f, o]) => items.find(f, o)));
        await items.ensureIndexes([
          { keys: { status: 1, zone: 1, priority: 1 } },
          { keys: { 'site.zone': 1 } },
          { keys: { skills: 1 } },
          { keys: { priority: -1 } },
        ]);
        const after = await Promise.all(queries.map(([f, o]) => items.find(f, o)));
        expect(after).toEqual(before);
      });

      contractCase('projects by inclusion, exclusion and dotted paths', async () => {
        expect(await items.find({ _id: 'd1' }, { projection: { status: 1, 'site.zone': 1 } })).toEqual([
          { _id: 'd1', status: 'open', site: { zone: 'z1' } },
        ]);
        expect(await items.find({ _id: 'd2' }, { projection: { _id: 0, priority: 1 } })).toEqual([
          { priority: 1 },
        ]);
        expect(
          await items.find({ _id: 'd2' }, { projection: { skills: 0, parts: 0, 'site.floor': 0, crew: 0 } }),
        ).toEqual([{ _id: 'd2', status: 'closed', priority: 1, zone: 'z2', site: { zone: 'z2' } }]);
        expect(await items.find({ _id: 'd4' }, { projection: { 'parts.qty': 1 } })).toEqual([
          { _id: 'd4', parts: [{ qty: 9 }, { qty: 1 }] },
        ]);
      });
    });

    describe('$in and $nin over long lists', () => {
      // A scope filter lists every site of a centre, a board every request it shows: thousands of
      // values (one SQL term per value once overflowed the embedded adapter's expression depth).
      // Few documents: the stand-in server's matcher compares every document with every value.
      const docs: Doc[] = Array.from({ length: 40 }, (_, i) => ({
        _id: `r${String(i).padStart(4, '0')}`,
        n: i,
        sites: [`S-${i}`, `T-${i}`],
        // Every fourth has no `open`; every tenth a null site, and the fifth after it none.
        ...(i % 4 === 3 ? {} : { open: i % 3 === 0 }),
        ...(i % 10 === 0 ? { site: null } : i % 10 === 5 ? {} : { site: `S-${i}` }),
      }));
      const listed = (i: number): boolean => i % 3 === 0;
      const pick = (match: (d: Doc, i: number) => boolean): string[] =>
        docs.filter((d, i) => match(d, i)).map((d) => d._id);
      /** The values, then made up to 5,000 by `more`. */
      const fill = (values: unknown[], more: (k: number) => unknown): unknown[] =>
        values.concat(Array.from({ length: 5_000 - values.length }, (_, k) => more(k)));

      contractCase(
        'finds and counts exactly the listed values among 5,000, with and without indexes',
        async () => {
          await seed(items, docs);
          const indices = docs.map((_, i) => i);
          const listedIds = pick((_, i) => listed(i));
          const siteList = fill(
            [
              ...indices.filter(listed).map((i) => `S-${i}`),
              ...indices.filter((i) => i % 7 === 0).map((i) => `T-${i}`),
            ],
            (k) => `U-${k}`,
          ).reverse();
          const hasListedSite = (d: Doc, i: number): boolean => listed(i) && typeof d['site'] === 'string';
          const queries: [Filter, string[]][] = [
            [{ _id: { $in: fill(listedIds, (k) => `x${k}`) } }, listedIds],
            [{ site: { $in: siteList } }, pick(hasListedSite)],
            [{ site: { $nin: siteList } }, pick((d, i) => !hasListedSite(d, i))],
            [
              { site: { $in: [...siteList, null] } },
              pick((d, i) => hasListedSite(d, i) || d['site'] == null),
            ],
            // An array field matches when any element is listed.
            [{ sites: { $in: siteList } }, pick((_, i) => listed(i) || i % 7 === 0)],
            // Strings never equal numbers, nor numbers booleans.
            [{ n: { $in: fill(indices.filter(listed), (k) => String(k)) } }, listedIds],
            [{ open: { $in: fill([true, 'true'], (k) => k % 2) } }, pick((d) => d['open'] === true)],
            [{ open: { $in: fill([false, true], (k) => k % 2) } }, pick((d) => d['open'] !== undefined)],
          ];
          for (const [filter, expected] of queries) {
            expect(await idSet(items, filter)).toEqual(expected);
            expect(await items.count(filter)).toBe(expected.length);
          }
          await items.ensureIndexes([
            { keys: { site: 1 } },
            { keys: { sites: 1 } },
            { keys: { n: 1 } },
            { keys: { open: 1 } },
          ]);
          for (const [filter, expected] of queries) expect(await idSet(items, filter)).toEqual(expected);
        },
        30_000,
      );
    });

    describe('numbers beyond 2^53', () => {
      // JSON writes 2^60 as 1152921504606847000, its shortest digits, and 2^60 + 256 as
      // 1152921504606847200: stores that read JSON must still see the doubles they stand for.
      const big = 2 ** 60;
      contractCase('equal and compare as the doubles they are, alone and in $in lists', async () => {
        await seed(items, [
          { _id: 'a', n: big },
          { _id: 'b', n: big + 256 },
          { _id: 'c', n: -big },
          { _id: 'd', n: 5 },
        ]);
        expect(await idSet(items, { n: big })).toEqual(['a']);
        expect(await idSet(items, { n: { $in: [big, 5] } })).toEqual(['a', 'd']);
        expect(await idSet(items, { n: { $in: [big, big + 256, -big] } })).toEqual(['a', 'b', 'c']);
        expect(await idSet(items, { n: { $nin: [big, -big] } })).toEqual(['b', 'd']);
        expect(await idSet(items, { n: { $gte: big } })).toEqual(['a', 'b']);
        expect(await idSet(items, { n: { $gt: big } })).toEqual(['b']);
        expect(await idSet(items, { n: { $lte: -big } })).toEqual(['c']);
        expect(await ids(items, {}, { sort: { n: -1 } })).toEqual(['b', 'a', 'd', 'c']);
      });
    });

    describe('sort order across types (MongoDB BSON order)', () => {
      contractCase(
        'orders null and missing < numbers < strings < objects < arrays by element < booleans',
        async () => {
          await seed(items, [
            { _id: 't-bool', v: true },
            { _id: 't-false', v: false },
            { _id: 't-str', v: 'abc' },
            { _id: 't-num', v: 10 },
            { _id: 't-neg', v: -1.5 },
            { _id: 't-null', v: null },
            { _id: 't-missing' },
            { _id: 't-obj', v: { a: 1 } },
            // Documents compare pair by pair: value type first (null < number), then name.
            { _id: 't-obj-null', v: { z: null } },
            { _id: 't-arr', v: [20, 'zz'] },
            { _id: 't-empty', v: [] },
          ]);
          // Ascending, an array sorts by its smallest element (20); an empty array below null.
          expect(await ids(items, {}, { sort: { v: 1, _id: 1 } })).toEqual([
            't-empty',
            't-missing',
            't-null',
            't-neg',
            't-num',
            't-arr',
            't-str',
            't-obj-null',
            't-obj',
            't-false',
            't-bool',
          ]);
          // Descending, by its largest element ('zz').
          expect(await ids(items, {}, { sort: { v: -1, _id: 1 } })).toEqual([
            't-bool',
            't-false',
            't-obj',
            't-obj-null',
            't-arr',
            't-str',
            't-num',
            't-neg',
            't-missing',
            't-null',
            't-empty',
          ]);
          expect(await ids(items, { v: { $gt: 5 } })).toEqual(expect.arrayContaining(['t-num', 't-arr']));
          expect(await items.count({ v: { $gt: 5 } })).toBe(2);
        },
      );
    });

    describe('indexes', () => {
      contractCase('ensures indexes idempotently', async () => {
        await seed(items, [{ _id: 'a', status: 'open' }]);
        const spec: IndexSpec[] = [
          { keys: { status: 1, createdAt: -1 } },
          { name: 'by_zone', keys: { 'site.zone': 1 } },
        ];
        await items.ensureIndexes(spec);
        await items.ensureIndexes(spec);
        expect(await ids(items, { status: 'open' })).toEqual(['a']);
      });

      contractCase(
        'enforces unique indexes with DuplicateKeyError naming the key, writing nothing',
        async () => {
          await items.ensureIndexes([{ name: 'email_unique', keys: { email: 1 }, unique: true }]);
          await items.insert({ _id: 'a', email: 'x@example.org' });
          const error = await rejection(items.insert({ _id: 'b', email: 'x@example.org' }));
          expect(error).toBeInstanceOf(DuplicateKeyError);
          expect((error as DuplicateKeyError).key).toContain('email');
          const viaUpdate = await rejection(
            items.update('c', { $set: { email: 'x@example.org' } }, { upsert: true }),
          );
          expect(viaUpdate).toBeInstanceOf(DuplicateKeyError);
          expect(await items.count()).toBe(1);
          await items.insert({ _id: 'd', email: 'y@example.org' });
          expect(await items.count()).toBe(2);
        },
      );

      contractCase('counts a missing field as null in a unique index, as MongoDB does', async () => {
        await items.ensureIndexes([{ keys: { code: 1 }, unique: true }]);
        await items.insert({ _id: 'a' });
        expect(await rejection(items.insert({ _id: 'b', code: null }))).toBeInstanceOf(DuplicateKeyError);
        await items.insert({ _id: 'c', code: '' });
        await items.insert({ _id: 'd', code: 0 });
        expect(await rejection(items.insert({ _id: 'e', code: 0 }))).toBeInstanceOf(DuplicateKeyError);
        expect(await items.count()).toBe(3);
      });
    });

    describe('bulkWrite', () => {
      contractCase('applies writes in order and counts them', async () => {
        await items.insert({ _id: 'old', n: 1 });
        const result = await items.bulkWrite([
          { op: 'insert', document: { _id: 'a', n: 1 } },
          { op: 'update', id: 'a', update: { $inc: { n: 1 } } },
          { op: 'put', document: { _id: 'b', n: 1 } },
          { op: 'put', document: { _id: 'b', n: 2 } },
          { op: 'replace', document: { _id: 'old', n: 9 } },
          { op: 'update', id: 'c', update: { $set: { n: 3 } }, upsert: true },
          { op: 'delete', id: 'old' },
          { op: 'delete', id: 'never' },
        ]);
        expect(result).toEqual({ inserted: 1, modified: 3, upserted: 2, deleted: 1 });
        expect(await items.find({}, { sort: { _id: 1 } })).toEqual([
          { _id: 'a', n: 2 },
          { _id: 'b', n: 2 },
          { _id: 'c', n: 3 },
        ]);
      });

      contractCase('stops at the first failure; all or nothing where the adapter promises it', async () => {
        await items.insert({ _id: 'dup', n: 0 });
        const error = await rejection(
          items.bulkWrite([
            { op: 'insert', document: { _id: 'first', n: 1 } },
            { op: 'insert', document: { _id: 'dup', n: 1 } },
            { op: 'insert', document: { _id: 'after', n: 1 } },
          ]),
        );
        expect(error).toBeInstanceOf(DuplicateKeyError);
        expect(await items.get('after')).toBeNull();
        expect(await items.get('dup')).toEqual({ _id: 'dup', n: 0 });
        if (options.atomicBulkWrite) expect(await items.get('first')).toBeNull();
      });

      contractCase(
        'refuses a plain update of a missing document with DocumentNotFoundError (unlike update(), which answers)',
        async () => {
          const error = await rejection(
            items.bulkWrite([
              { op: 'put', document: { _id: 'a', n: 1 } },
              { op: 'update', id: 'missing', update: { $inc: { n: 1 } } },
            ]),
          );
          expect(error).toBeInstanceOf(DocumentNotFoundError);
          expect((error as DocumentNotFoundError).id).toBe('missing');
          expect(await items.get('missing')).toBeNull();
          if (options.atomicBulkWrite) expect(await items.get('a')).toBeNull();
        },
      );
    });

    describe('invalid queries', () => {
      const cases: [string, () => Promise<unknown>, string][] = [
        ['unknown top-level operator', () => items.find({ $where: 'x' }), 'filter.$where'],
        ['unknown field operator', () => items.find({ n: { $regex: 'a' } }), 'filter.n.$regex'],
        ['$in needs an array', () => items.find({ n: { $in: 5 } }), 'filter.n.$in'],
        ['$or needs a non-empty array', () => items.find({ $or: [] }), 'filter.$or'],
        [
          'nested in $and',
          () => items.find({ $and: [{ a: 1 }, { b: { $size: -1 } }] }),
          'filter.$and.1.b.$size',
        ],
        ['mixed operators and fields', () => items.find({ a: { $gt: 1, b: 2 } }), 'filter.a'],
        ['$exists needs a boolean', () => items.count({ a: { $exists: 'yes' } }), 'filter.a.$exists'],
        ['$not needs operators', () => items.find({ a: { $not: 5 } }), 'filter.a.$not'],
        ['empty path segment', () => items.find({ 'a..b': 1 }), 'filter.a..b'],
        ['sort direction', () => items.find({}, { sort: { a: 2 } as unknown as Sort }), 'sort.a'],
        ['mixed projection', () => items.find({}, { projection: { a: 1, b: 0 } }), 'projection.b'],
        ['negative skip', () => items.find({}, { skip: -1 }), 'skip'],
        ['fractional limit', () => items.find({}, { limit: 1.5 }), 'limit'],
      ];
      eachCase(cases, async (_name, run, path) => {
        const error = await rejection(run());
        expect(error).toBeInstanceOf(InvalidQueryError);
        expect((error as InvalidQueryError).path).toBe(path);
      });
    });

    describe('projection checkpoints', () => {
      contractCase('starts with no checkpoint and moves it by compare-and-set', async () => {
        expect(await store.getCheckpoint('requests')).toBeNull();
        await store.commitProjectionBatch({
          projection: 'requests',
          expectedCheckpoint: null,
          nextCheckpoint: 5,
          writes: [{ op: 'put', collection: 'items', document: { _id: 'a', v: 1 } }],
        });
        expect(await store.getCheckpoint('requests')).toBe(5);
        await store.commitProjectionBatch({
          projection: 'requests',
          expectedCheckpoint: 5,
          nextCheckpoint: 9,
          writes: [{ op: 'update', collection: 'items', id: 'a', update: { $inc: { v: 1 } } }],
        });
        expect(await store.getCheckpoint('requests')).toBe(9);
        expect(await items.get('a')).toEqual({ _id: 'a', v: 2 });
      });

      contractCase(
        'refuses a stale expected checkpoint with CheckpointConflictError, writing nothing',
        async () => {
          await store.commitProjectionBatch({
            projection: 'requests',
            expectedCheckpoint: null,
            nextCheckpoint: 5,
            writes: [{ op: 'put', collection: 'items', document: { _id: 'a', v: 1 } }],
          });
          for (const expected of [null, 4]) {
            const error = await rejection(
              store.commitProjectionBatch({
                projection: 'requests',
                expectedCheckpoint: expected,
                nextCheckpoint: 7,
                writes: [
                  { op: 'put', collection: 'items', document: { _id: 'a', v: 99 } },
                  { op: 'put', collection: 'others', document: { _id: 'b' } },
                ],
              }),
            );
            expect(error).toBeInstanceOf(CheckpointConflictError);
            expect((error as CheckpointConflictError).actual).toBe(5);
          }
          expect(await store.getCheckpoint('requests')).toBe(5);
          expect(await items.get('a')).toEqual({ _id: 'a', v: 1 });
          expect(await store.collection('others').count()).toBe(0);
        },
      );

      contractCase('makes writes to several collections visible together, or none of them', async () => {
        await store.commitProjectionBatch({
          projection: 'dispatch',
          expectedCheckpoint: null,
          nextCheckpoint: 3,
          writes: [
            { op: 'put', collection: 'items', document: { _id: 'r1', state: 'assigned' } },
            { op: 'put', collection: 'boards', document: { _id: 't1', load: 1 } },
            { op: 'delete', collection: 'items', id: 'missing' },
          ],
        });
        expect(await items.get('r1')).toEqual({ _id: 'r1', state: 'assigned' });
        expect(await store.collection('boards').get('t1')).toEqual({ _id: 't1', load: 1 });
        // A failing write in the middle takes the whole batch and the checkpoint with it.
        const error = await rejection(
          store.commitProjectionBatch({
            projection: 'dispatch',
            expectedCheckpoint: 3,
            nextCheckpoint: 4,
            writes: [
              { op: 'put', collection: 'boards', document: { _id: 't1', load: 2 } },
              { op: 'insert', collection: 'items', document: { _id: 'r1', state: 'again' } },
            ],
          }),
        );
        expect(error).toBeInstanceOf(DuplicateKeyError);
        expect(await store.getCheckpoint('dispatch')).toBe(3);
        expect(await store.collection('boards').get('t1')).toEqual({ _id: 't1', load: 1 });
        const missing = await rejection(
          store.commitProjectionBatch({
            projection: 'dispatch',
            expectedCheckpoint: 3,
            nextCheckpoint: 4,
            writes: [
              { op: 'put', collection: 'boards', document: { _id: 't1', load: 3 } },
              { op: 'update', collection: 'items', id: 'r9', update: { $set: { state: 'x' } } },
            ],
          }),
        );
        expect(missing).toBeInstanceOf(DocumentNotFoundError);
        expect(await store.getCheckpoint('dispatch')).toBe(3);
        expect(await store.collection('boards').get('t1')).toEqual({ _id: 't1', load: 1 });
      });

      contractCase('keeps projections apart and resets one with its collections', async () => {
        await store.commitProjectionBatch({
          projection: 'p1',
          expectedCheckpoint: null,
          nextCheckpoint: 2,
          writes: [{ op: 'put', collection: 'items', document: { _id: 'a' } }],
        });
        await store.commitProjectionBatch({
          projection: 'p2',
          expectedCheckpoint: null,
          nextCheckpoint: 8,
          writes: [{ op: 'put', collection: 'others', document: { _id: 'b' } }],
        });
        await items.ensureIndexes([{ keys: { v: 1 } }]);
        await store.resetProjection('p1', ['items']);
        expect(await store.getCheckpoint('p1')).toBeNull();
        expect(await items.count()).toBe(0);
        expect(await store.getCheckpoint('p2')).toBe(8);
        expect(await store.collection('others').count()).toBe(1);
        await store.commitProjectionBatch({
          projection: 'p1',
          expectedCheckpoint: null,
          nextCheckpoint: 1,
          writes: [{ op: 'put', collection: 'items', document: { _id: 'c', v: 1 } }],
        });
        expect(await ids(items, { v: 1 })).toEqual(['c']);
      });

      contractCase('reports health', async () => {
        expect(await store.health()).toMatchObject({ ok: true });
      });
    });

    propertyTest(() => store, options.propertyRuns ?? 3000);
  });

  if (skips.size > 0) {
    throw new Error(`readStoreContract(${adapterName}): skip names no case: ${[...skips.keys()].join(', ')}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Property test: the adapter against mingo on random documents, filters and sorts.
//
// Generation is constrained where mingo 7.2.7 itself departs from MongoDB's documented
// semantics, so that a difference always points at the adapter:
// - no array directly inside an array (mingo's $elemMatch and equality descend into nested
//   arrays, MongoDB does not); arrays of documents holding arrays are generated;
// - no null operand on a dotted path (mingo does not count a missing field inside an array of
//   documents as null: { 'a.b': null } on { a: [{ b: 1 }, {}] } matches in MongoDB, not in mingo);
// - no null operand for $gt/$gte/$lt/$lte (MongoDB's { $gte: null } matches missing fields,
//   mingo's does not); the fixed cases above cover both.
// - strings are ASCII (mingo compares UTF-16 units, MongoDB UTF-8 bytes);
// - a dotted sort key is only compared where every array on its way holds documents that all
//   have the next field: mingo sorts { a: [{}] } by 'a.x' below null, as if it were an empty
//   array, where MongoDB's key is null (the element's missing x); and sort keys use no positional
//   segment; documents have no numeric field names (MongoDB reads 'b.1' over an array both as
//   position and as field name of its documents, mingo as position only);
// - no sort where an array's key ties with another document's key: mingo groups documents by the
//   raw value before applying later keys, so [1] and 1 (equal keys in MongoDB) are not broken by
//   the `_id` tie-breaker and come out in input order;
// - $size, $elemMatch and array operands only on top-level paths: mingo gathers the values a
//   dotted path reaches through an array into a new array and applies operators to that
//   ({ 'b.x': { $size: 0 } } and { 'b.x': [] } match { b: [] } in mingo, not in MongoDB);
// - no path through two arrays ({ a: [{ x: [1] }] } read at 'a.x.y' or 'a.x'): mingo flattens
//   what it reaches into an array and treats that as a value, so { 'a.x.y': { $exists: false } }
//   misses the document and { 'a.x': { $gt: 0 } } does not see the 1; MongoDB expands the inner
//   array's elements ({ a: [{ x: ['b'] }] } matches { 'a.x': 'b' }, a fixed case holds adapters to it);
// - $all only on top-level paths holding arrays: MongoDB's $all is a conjunction of $eq (so
//   { a: { $all: [-2] } } matches { a: -2 }), mingo's wants an array;
// - no array inside $in / $nin lists: mingo does not compare them with the whole array
//   ({ c: { $in: [[]] } } misses { c: [] }; in MongoDB $in is a disjunction of $eq);
// - a document-form $elemMatch ({ $elemMatch: { x: 1 } }) only over arrays of documents: mingo
//   also matches a scalar element equal to the value ({ b: [1] }), MongoDB skips non-documents;
// - no sort where two documents' keys are both documents: mingo compares documents field name
//   first, MongoDB (documented BSON order) value type first, then name, then value;
// - no descending sort on a key that reaches an array: mingo sorts descending by the smallest
//   element (the ascending order reversed), MongoDB by the largest (documented; the fixed sort
//   case above holds adapters to it).
// ---------------------------------------------------------------------------------------------

const TOP = ['a', 'b', 'c'] as const;
const PATHS = ['a', 'b', 'c', 'a.x', 'a.y', 'b.x', 'a.x.y', 'a.0', 'b.1.x'] as const;

const scalarArb = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: -3, max: 3 }) },
  { weight: 1, arbitrary: fc.constantFrom(-1.5, 0.25, 2.5) },
  { weight: 3, arbitrary: fc.constantFrom('', 'a', 'b', 'ab', 'B', '1') },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
);

type Value = unknown;

const valueArb: fc.Arbitrary<Value> = fc.letrec<{ value: Value; object: Value; array: Value }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 5, arbitrary: scalarArb },
    { weight: 2, arbitrary: tie('object') },
    { weight: 2, arbitrary: tie('array') },
  ),
  // No numeric field names: MongoDB reads 'a.0' over an array both as position 0 and as the
  // field "0" of its documents, mingo as position only.
  object: fc.dictionary(fc.constantFrom('x', 'y'), tie('value'), { maxKeys: 2 }),
  // Elements are scalars or documents, never arrays (see above).
  array: fc.array(fc.oneof({ weight: 3, arbitrary: scalarArb }, { weight: 1, arbitrary: tie('object') }), {
    maxLength: 3,
  }),
})).value;

const documentsArb = fc
  .array(fc.dictionary(fc.constantFrom(...TOP), valueArb, { maxKeys: 3 }), { maxLength: 14 })
  .map((docs) => docs.map((d, i) => ({ _id: `d${String(i).padStart(2, '0')}`, ...d }) as Doc));

const operandArb = fc.oneof(
  { weight: 6, arbitrary: scalarArb },
  { weight: 1, arbitrary: fc.array(scalarArb, { maxLength: 2 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.constantFrom('x', 'y'), scalarArb, { maxKeys: 2 }) },
);
const nonNullScalar = scalarArb.filter((v) => v !== null);

function conditionArb(path: string): fc.Arbitrary<unknown> {
  const dotted = path.includes('.');
  const operand = dotted ? operandArb.filter((v) => v !== null && !Array.isArray(v)) : operandArb;
  const list = fc.array(
    operand.filter((v) => !Array.isArray(v)),
    { maxLength: 3 },
  );
  const arrayOperators = dotted
    ? []
    : [
        fc.integer({ min: 0, max: 3 }).map((v) => ({ $size: v })),
        nonNullScalar.map((v) => ({ $elemMatch: { $gt: v } })),
        fc.tuple(fc.constantFrom('x', 'y'), nonNullScalar).map(([k, v]) => ({ $elemMatch: { [k]: v } })),
        fc.array(nonNullScalar, { minLength: 1, maxLength: 2 }).map((v) => ({ $all: v })),
      ];
  return fc.oneof(
    ...arrayOperators,
    operand,
    operand.map((v) => ({ $eq: v })),
    operand.map((v) => ({ $ne: v })),
    list.map((v) => ({ $in: v })),
    list.map((v) => ({ $nin: v })),
    fc.tuple(fc.constantFrom('$gt', '$gte', '$lt', '$lte'), nonNullScalar).map(([op, v]) => ({ [op]: v })),
    fc.tuple(nonNullScalar, nonNullScalar).map(([lo, hi]) => ({ $gte: lo, $lt: hi })),
    fc.boolean().map((v) => ({ $exists: v })),
    fc
      .tuple(fc.constantFrom('$gt', '$lte', '$in'), nonNullScalar)
      .map(([op, v]) => ({ $not: op === '$in' ? { $in: [v] } : { [op]: v } })),
  );
}

const fieldFilterArb: fc.Arbitrary<Filter> = fc
  .constantFrom(...PATHS)
  .chain((path) => conditionArb(path).map((c) => ({ [path]: c }) as Filter));

const filterArb: fc.Arbitrary<Filter> = fc.letrec<{ filter: Filter }>((tie) => ({
  filter: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    {
      weight: 4,
      arbitrary: fc
        .array(fieldFilterArb, { minLength: 0, maxLength: 2 })
        .map((fs) => Object.assign({}, ...fs) as Filter),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          fc.constantFrom('$and', '$or', '$nor'),
          fc.array(tie('filter'), { minLength: 1, maxLength: 3 }),
        )
        .map(([op, fs]) => ({ [op]: fs }) as Filter),
    },
  ),
})).filter;

const SORT_PATHS = ['a', 'b', 'c', 'a.x', 'a.y', 'b.x', 'a.x.y'] as const;

/** See the constraints above: every array met before the last segment holds documents with the next field. */
function sortPathIsDefinite(value: unknown, segments: readonly string[]): boolean {
  if (segments.length === 0 || value === null || typeof value !== 'object') return true;
  const [head, ...rest] = segments as [string, ...string[]];
  if (Array.isArray(value)) {
    return (
      value.length > 0 &&
      value.every(
        (e) =>
          e !== null &&
          typeof e === 'object' &&
          !Array.isArray(e) &&
          head in e &&
          sortPathIsDefinite(e, segments),
      )
    );
  }
  return sortPathIsDefinite((value as Record<string, unknown>)[head], rest);
}

/** Values a sort path reaches in one document, and whether an array was involved. */
function reached(
  value: unknown,
  segments: readonly string[],
  out: { values: Set<string>; array: boolean },
): void {
  if (Array.isArray(value)) {
    out.array = true;
    if (segments.length === 0) value.forEach((e) => out.values.add(JSON.stringify(e)));
    else value.forEach((e) => reached(e, segments, out));
    return;
  }
  if (segments.length === 0) {
    out.values.add(JSON.stringify(value ?? null));
    return;
  }
  if (value !== null && typeof value === 'object')
    reached((value as Record<string, unknown>)[segments[0] as string], segments.slice(1), out);
  else out.values.add('null');
}

/** Paths under a document-form $elemMatch (or under $all) anywhere in the filter. */
function pathsUnder(operator: '$elemMatch' | '$all', filter: unknown, out: string[] = []): string[] {
  if (Array.isArray(filter)) filter.forEach((f) => pathsUnder(operator, f, out));
  else if (filter !== null && typeof filter === 'object') {
    for (const [key, value] of Object.entries(filter)) {
      const arg = (value as Record<string, unknown> | null)?.[operator];
      if (
        !key.startsWith('$') &&
        arg &&
        (operator === '$all' || Object.keys(arg).some((k) => !k.startsWith('$')))
      )
        out.push(key);
      pathsUnder(operator, value, out);
    }
  }
  return out;
}

/** True when the path meets an array and then another (in the middle or at its end): see above. */
function pathIsAmbiguous(value: unknown, segments: readonly string[], arrays = 0): boolean {
  if (Array.isArray(value)) {
    if (segments.length === 0) return arrays >= 1;
    if (arrays >= 1) return true;
    return value.some((e) => pathIsAmbiguous(e, segments, arrays + 1));
  }
  if (segments.length === 0 || value === null || typeof value !== 'object') return false;
  return pathIsAmbiguous(
    (value as Record<string, unknown>)[segments[0] as string],
    segments.slice(1),
    arrays,
  );
}

/** Field paths a filter reads (outside $elemMatch, whose paths are relative to elements). */
function filterPaths(filter: unknown, out: string[] = []): string[] {
  if (Array.isArray(filter)) filter.forEach((f) => filterPaths(f, out));
  else if (filter !== null && typeof filter === 'object') {
    for (const [key, value] of Object.entries(filter)) {
      if (key === '$and' || key === '$or' || key === '$nor') filterPaths(value, out);
      else if (!key.startsWith('$')) out.push(key);
    }
  }
  return out;
}

function hasNonArray(documents: readonly Doc[], path: string): boolean {
  return documents.some((d) => d[path] !== undefined && !Array.isArray(d[path]));
}

function hasScalarElement(documents: readonly Doc[], path: string): boolean {
  return documents.some((d) => {
    const v = d[path];
    return Array.isArray(v) && v.some((e) => e === null || typeof e !== 'object');
  });
}

function mingoSortsDifferently(
  documents: readonly Doc[],
  segments: readonly string[],
  direction: 1 | -1,
): boolean {
  const seen = new Map<string, boolean>();
  let objects = 0;
  for (const document of documents) {
    const out = { values: new Set<string>(), array: false };
    reached(document, segments, out);
    if (out.array && direction === -1) return true;
    if ([...out.values].some((v) => v.startsWith('{')) && ++objects > 1) return true;
    for (const v of out.values) {
      const other = seen.get(v);
      if (other !== undefined && (other || out.array)) return true;
    }
    for (const v of out.values) seen.set(v, (seen.get(v) ?? false) || out.array);
  }
  return false;
}

const sortArb: fc.Arbitrary<Sort> = fc
  .uniqueArray(fc.tuple(fc.constantFrom(...SORT_PATHS), fc.constantFrom(1 as const, -1 as const)), {
    maxLength: 2,
    selector: ([p]) => p,
  })
  .map((keys) => Object.fromEntries([...keys, ['_id', 1]]) as Sort);

const queryArb = fc.record({
  filter: filterArb,
  sort: sortArb,
  skip: fc.nat(3),
  limit: fc.option(fc.integer({ min: 1, max: 6 }), { nil: undefined }),
});

function propertyTest(currentStore: () => ReadStore, numRuns: number): void {
  if (numRuns === 0) {
    // The suite asked for no runs (a slow remote adapter); shown as skipped rather than silently absent.
    it.skip('answers like MongoDB (mingo) on random documents, filters and sorts [skipped: 0 runs asked by this suite]', () =>
      undefined);
    return;
  }
  it(`answers like MongoDB (mingo) on random documents, filters and sorts (${numRuns} runs)`, async () => {
    const collection = currentStore().collection('property');
    // Indexes change the adapter's plan, never its answers: exercise the indexed paths too.
    // Single-field only: documents here may hold arrays in several fields, and MongoDB refuses to
    // store such a document under a compound index over two of them ("cannot index parallel arrays").
    await collection.ensureIndexes([
      { keys: { a: 1 } },
      { keys: { 'a.x': 1 } },
      { keys: { b: -1 } },
      { keys: { 'b.x': 1 } },
    ]);
    let compared = 0;
    const runSeed = Number(process.env['READ_STORE_PROPERTY_SEED'] ?? Date.now() % 2_147_483_647);
    try {
      await fc.assert(
        fc.asyncProperty(
          documentsArb,
          fc.array(queryArb, { minLength: 1, maxLength: 4 }),
          async (documents, queries) => {
            await collection.clear();
            await seed(collection, documents);
            const stored = JSON.parse(JSON.stringify(documents)) as Doc[];
            for (const { filter, sort, skip, limit } of queries) {
              const sortPaths = Object.keys(sort).map((p) => p.split('.'));
              if (!stored.every((d) => sortPaths.every((p) => p.length === 1 || sortPathIsDefinite(d, p))))
                continue;
              if (
                Object.entries(sort).some(
                  ([p, d]) => p !== '_id' && mingoSortsDifferently(stored, p.split('.'), d),
                )
              )
                continue;
              if (pathsUnder('$elemMatch', filter).some((p) => hasScalarElement(stored, p))) continue;
              const read = [...filterPaths(filter), ...Object.keys(sort)].map((p) => p.split('.'));
              if (stored.some((d) => read.some((p) => pathIsAmbiguous(d, p)))) continue;
              if (pathsUnder('$all', filter).some((p) => hasNonArray(stored, p))) continue;
              compared++;
              let cursor = new Query(filter, {}).find(stored).sort(sort).skip(skip);
              if (limit !== undefined) cursor = cursor.limit(limit);
              const expected = cursor.all();
              const actual = await collection.find(filter, { sort, skip, limit });
              if (JSON.stringify(actual) !== JSON.stringify(expected)) {
                throw new Error(
                  `filter ${JSON.stringify(filter)} sort ${JSON.stringify(sort)} skip ${skip} limit ${limit}\n` +
                    `expected ${JSON.stringify(expected.map((d) => (d as Doc)._id))}\nactual   ${JSON.stringify(actual.map((d) => d._id))}`,
                );
              }
              const count = await collection.count(filter);
              const all = new Query(filter, {}).find(stored).all().length;
              if (count !== all)
                throw new Error(`count of ${JSON.stringify(filter)}: expected ${all}, got ${count}`);
            }
          },
        ),
        { numRuns, seed: runSeed },
      );
      // Guards the constraints above from silently skipping most of the work.
      expect(compared).toBeGreaterThan(numRuns);
    } catch (error) {
      // fast-check prints the seed too; this line makes the re-run command obvious.
      throw new Error(
        `Property failed; re-run with READ_STORE_PROPERTY_SEED=${runSeed}\n${(error as Error).message}`,
        { cause: error },
      );
    }
  }, 120_000);
}
