import { type DocumentWrite, InvalidCollectionNameError, InvalidQueryError } from '@fieldstream/read-store';
import { DuplicateKeyError } from '@fieldstream/read-store';
import { MongoBulkWriteError, MongoServerError, MongoServerSelectionError } from 'mongodb';
import {
  ReadStoreUnavailableError,
  duplicatedKey,
  failedWriteIndex,
  isRejectedUpdate,
  mapMongoError,
} from './mongo-errors';
import { diagnoseRejectedUpdate } from './mongo-update-diagnosis';
import {
  EMPTY_RESULT,
  addResult,
  findMissingTarget,
  groupByCollection,
  idsToCheck,
  toBulkOperation,
  validateWrite,
} from './mongo-write-mapping';

describe('write mapping', () => {
  it('maps each port write to one ordered bulk operation', () => {
    const document = { _id: 'a', n: 1 };
    expect(toBulkOperation({ op: 'insert', collection: 'items', document })).toEqual({
      insertOne: { document },
    });
    expect(toBulkOperation({ op: 'put', collection: 'items', document })).toEqual({
      replaceOne: { filter: { _id: 'a' }, replacement: document, upsert: true },
    });
    expect(toBulkOperation({ op: 'replace', collection: 'items', document })).toEqual({
      replaceOne: { filter: { _id: 'a' }, replacement: document },
    });
    expect(
      toBulkOperation({ op: 'update', collection: 'items', id: 'a', update: { $inc: { n: 1 } } }),
    ).toEqual({
      updateOne: { filter: { _id: 'a' }, update: { $inc: { n: 1 } }, upsert: false },
    });
    expect(toBulkOperation({ op: 'delete', collection: 'items', id: 'a' })).toEqual({
      deleteOne: { filter: { _id: 'a' } },
    });
  });

  it('counts matched documents as modified, as the port does', () => {
    const total = addResult(
      addResult(EMPTY_RESULT, { insertedCount: 1, matchedCount: 3, upsertedCount: 2, deletedCount: 1 }),
      {
        insertedCount: 0,
        matchedCount: 1,
        upsertedCount: 0,
        deletedCount: 0,
      },
    );
    expect(total).toEqual({ inserted: 1, modified: 4, upserted: 2, deleted: 1 });
  });

  it('keeps order across collections by grouping only consecutive writes', () => {
    const writes: DocumentWrite[] = [
      { op: 'delete', collection: 'a', id: '1' },
      { op: 'delete', collection: 'a', id: '2' },
      { op: 'delete', collection: 'b', id: '3' },
      { op: 'delete', collection: 'a', id: '4' },
    ];
    expect(groupByCollection(writes).map((g) => [g.collection, g.writes.length])).toEqual([
      ['a', 2],
      ['b', 1],
      ['a', 1],
    ]);
  });

  it('finds a replace or plain update of a missing document, following the batch’s own writes', () => {
    const existing = new Set(['items/old']);
    const exists = (collection: string, id: string): boolean => existing.has(`${collection}/${id}`);
    const ok: DocumentWrite[] = [
      { op: 'insert', collection: 'items', document: { _id: 'a' } },
      { op: 'update', collection: 'items', id: 'a', update: { $inc: { n: 1 } } },
      { op: 'replace', collection: 'items', document: { _id: 'old' } },
      { op: 'update', collection: 'items', id: 'c', update: { $set: { n: 1 } }, upsert: true },
      { op: 'update', collection: 'items', id: 'c', update: { $set: { n: 2 } } },
    ];
    expect(findMissingTarget(ok, exists)).toBeUndefined();
    expect([...(idsToCheck(ok).get('items') ?? [])].sort()).toEqual(['a', 'c', 'old']);

    const deletedThenUpdated: DocumentWrite[] = [
      { op: 'delete', collection: 'items', id: 'old' },
      { op: 'update', collection: 'items', id: 'old', update: { $set: { n: 1 } } },
    ];
    expect(findMissingTarget(deletedThenUpdated, exists)).toEqual({ collection: 'items', id: 'old' });
    expect(
      findMissingTarget([{ op: 'replace', collection: 'others', document: { _id: 'old' } }], exists),
    ).toEqual({
      collection: 'others',
      id: 'old',
    });
  });

  it('validates writes, naming the write at fault', () => {
    expect(() =>
      validateWrite({ op: 'put', collection: '_checkpoints', document: { _id: 'a' } }, 'writes.0'),
    ).toThrow(InvalidCollectionNameError);
    const cases: [unknown, string][] = [
      [{ op: 'upsert', collection: 'items' }, 'writes.2.op'],
      [{ op: 'update', collection: 'items', id: '', update: { $set: { a: 1 } } }, 'writes.2.id'],
      [
        { op: 'update', collection: 'items', id: 'a', update: { $set: { a: 1 } }, upsert: 'yes' },
        'writes.2.upsert',
      ],
      [{ op: 'update', collection: 'items', id: 'a', update: { $bad: {} } }, 'update.$bad'],
      ['put', 'writes.2'],
    ];
    for (const [write, path] of cases) {
      try {
        validateWrite(write, 'writes.2');
        throw new Error('expected a refusal');
      } catch (error) {
        expect(error).toBeInstanceOf(InvalidQueryError);
        expect((error as InvalidQueryError).path).toBe(path);
      }
    }
  });
});

describe('driver errors', () => {
  it('maps duplicate key 11000 to DuplicateKeyError naming the key, from single and bulk writes', () => {
    const single = new MongoServerError({
      message:
        'E11000 duplicate key error collection: db.items index: email_1 dup key: { email: "x@example.org" }',
      code: 11000,
      keyValue: { email: 'x@example.org' },
    });
    const mapped = mapMongoError(single, { collection: 'items' });
    expect(mapped).toBeInstanceOf(DuplicateKeyError);
    expect((mapped as DuplicateKeyError).key).toBe('{"email":"x@example.org"}');
    expect((mapped as DuplicateKeyError).collection).toBe('items');

    const bulk = new MongoBulkWriteError(
      {
        message: 'E11000 duplicate key error',
        code: 11000,
        writeErrors: [
          {
            index: 1,
            code: 11000,
            errmsg: 'E11000 duplicate key error collection: db.items index: _id_ dup key: { _id: "dup" }',
          } as never,
        ],
      },
      {} as never,
    );
    expect(failedWriteIndex(bulk)).toBe(1);
    expect(duplicatedKey(bulk)).toBe('{ _id: "dup" }');
    expect(mapMongoError(bulk, { collection: 'items' })).toBeInstanceOf(DuplicateKeyError);
  });

  it('maps an update the document refuses to InvalidQueryError with the diagnosed path', () => {
    const refused = new MongoServerError({
      message: 'Cannot apply $inc to a value of non-numeric type',
      code: 14,
    });
    expect(isRejectedUpdate(refused)).toBe(true);
    const mapped = mapMongoError(refused, { collection: 'items', updatePath: 'update.$inc.site.zone' });
    expect(mapped).toBeInstanceOf(InvalidQueryError);
    expect((mapped as InvalidQueryError).path).toBe('update.$inc.site.zone');
    expect((mapMongoError(refused, { collection: 'items' }) as InvalidQueryError).path).toBe('update');
  });

  it('maps server-selection failures to ReadStoreUnavailableError and leaves the rest alone', () => {
    const selection = new MongoServerSelectionError('connect ECONNREFUSED 127.0.0.1:1', {
      type: 'Unknown',
      servers: new Map(),
    } as never);
    expect(mapMongoError(selection, { collection: 'items' })).toBeInstanceOf(ReadStoreUnavailableError);
    const other = new Error('other');
    expect(mapMongoError(other, { collection: 'items' })).toBe(other);
  });

  it('diagnoses which part of an update does not fit the document', () => {
    const document = { _id: 'x', n: 1, site: { zone: 'z1' }, tags: ['a'], label: 'l' };
    expect(diagnoseRejectedUpdate(document, { $inc: { n: 1, 'site.zone': 1 } })).toBe(
      'update.$inc.site.zone',
    );
    expect(diagnoseRejectedUpdate(document, { $push: { tags: 'b', n: 1 } })).toBe('update.$push.n');
    expect(diagnoseRejectedUpdate(document, { $pull: { label: 'l' } })).toBe('update.$pull.label');
    expect(diagnoseRejectedUpdate(document, { $set: { 'label.x': 1 } })).toBe('update.$set.label.x');
    expect(
      diagnoseRejectedUpdate(document, { $set: { 'tags.0': 'z' }, $inc: { missing: 1 } }),
    ).toBeUndefined();
  });
});
