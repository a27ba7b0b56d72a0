import { find as mingoFind, update as mingoUpdate } from 'mingo';
import type { Db, MongoClient } from 'mongodb';

/*
 * A stand-in for a MongoDB replica set, the one part of the world these tests cannot run, with
 * mingo evaluating the query language. It keeps what the adapter relies on, as the driver
 * documents it: `_id` and unique indexes refusing duplicates with code 11000 (keyValue on single
 * writes, the server's text in a bulk write's writeErrors), updates that do not fit the document
 * refused with the server's codes (14 TypeMismatch, 2 BadValue), ordered bulk writes stopping at
 * the first failure, and transactions that commit everything or nothing. mingo departs from
 * MongoDB in places (see the read store contract's notes), so this checks the adapter's own
 * work (validation, batching, transactions, checkpoints, error mapping), not MongoDB's answers:
 * the contract suite must also pass against a real server (MONGO_URL).
 */

type Doc = { _id: string; [field: string]: unknown };
type Options = {
  session?: unknown;
  upsert?: boolean;
  sort?: Record<string, 1 | -1>;
  skip?: number;
  limit?: number;
  projection?: Record<string, 0 | 1>;
};

class ServerError extends Error {
  constructor(
    message: string,
    readonly code: number,
    readonly keyValue?: Record<string, unknown>,
  ) {
    super(message);
  }
  override get name(): string {
    return 'MongoServerError';
  }
}

class BulkError extends Error {
  readonly code: number;
  constructor(
    cause: ServerError,
    readonly writeErrors: { index: number; code: number; errmsg: string }[],
  ) {
    super(cause.message);
    this.code = cause.code;
  }
  override get name(): string {
    return 'MongoBulkWriteError';
  }
}

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function valueAt(document: unknown, path: string): { value: unknown; blocked: boolean } {
  let node: unknown = document;
  for (const segment of path.split('.')) {
    if (node === undefined || node === null) return { value: undefined, blocked: node === null };
    if (typeof node !== 'object') return { value: undefined, blocked: true };
    node = (node as Record<string, unknown>)[segment];
  }
  return { value: node, blocked: false };
}

class FakeCollection {
  readonly documents: Doc[] = [];
  readonly uniqueKeys: { name: string; keys: string[] }[] = [];

  constructor(readonly name: string) {}

  private checkUnique(candidate: Doc, exceptId?: string): void {
    for (const other of this.documents) {
      if (other._id === candidate._id && other._id !== exceptId) {
        throw new ServerError(
          `E11000 duplicate key error collection: fake.${this.name} index: _id_ dup key: { _id: "${candidate._id}" }`,
          11000,
          { _id: candidate._id },
        );
      }
    }
    for (const index of this.uniqueKeys) {
      const key = (d: Doc): string => JSON.stringify(index.keys.map((k) => valueAt(d, k).value ?? null));
      const clash = this.documents.find(
        (d) => d._id !== candidate._id && d._id !== exceptId && key(d) === key(candidate),
      );
      if (clash) {
        const keyValue = Object.fromEntries(index.keys.map((k) => [k, valueAt(candidate, k).value ?? null]));
        throw new ServerError(
          `E11000 duplicate key error collection: fake.${this.name} index: ${index.name} dup key: ${JSON.stringify(keyValue)}`,
          11000,
          keyValue,
        );
      }
    }
  }

  private indexOf(id: string): number {
    return this.documents.findIndex((d) => d._id === id);
  }

  private applyUpdate(document: Doc, update: Record<string, Record<string, unknown>>): Doc {
    for (const [operator, fields] of Object.entries(update)) {
      for (const path of Object.keys(fields)) {
        const { value, blocked } = valueAt(document, path);
        if (blocked && operator !== '$unset' && operator !== '$pull')
          throw new ServerError(`Cannot create field in ${path}`, 28);
        if (operator === '$inc' && value !== undefined && typeof value !== 'number')
          throw new ServerError(`Cannot apply $inc to a value of non-numeric type`, 14);
        if ((operator === '$push' || operator === '$pull') && value !== undefined && !Array.isArray(value)) {
          throw new ServerError(`The field '${path}' must be an array`, 2);
        }
      }
    }
    const updated = clone(document);
    mingoUpdate(updated, clone(update) as never);
    return updated;
  }

  insert(document: Doc): void {
    const copy = clone(document);
    this.checkUnique(copy);
    this.documents.push(copy);
  }

  replace(id: string, document: Doc, upsert: boolean): { matchedCount: number; upsertedCount: number } {
    const index = this.indexOf(id);
    const copy = clone(document);
    if (index < 0) {
      if (!upsert) return { matchedCount: 0, upsertedCount: 0 };
      this.checkUnique(copy);
      this.documents.push(copy);
      return { matchedCount: 0, upsertedCount: 1 };
    }
    this.checkUnique(copy, id);
    this.documents[index] = copy;
    return { matchedCount: 1, upsertedCount: 0 };
  }

  updateById(
    id: string,
    update: Record<string, Record<string, unknown>>,
    upsert: boolean,
  ): { matchedCount: number; upsertedCount: number } {
    const index = this.indexOf(id);
    if (index < 0) {
      if (!upsert) return { matchedCount: 0, upsertedCount: 0 };
      const created = this.applyUpdate({ _id: id }, update);
      this.checkUnique(created);
      this.documents.push(created);
      return { matchedCount: 0, upsertedCount: 1 };
    }
    const updated = this.applyUpdate(this.documents[index] as Doc, update);
    this.checkUnique(updated, id);
    this.documents[index] = updated;
    return { matchedCount: 1, upsertedCount: 0 };
  }

  deleteById(id: string): number {
    const index = this.indexOf(id);
    if (index < 0) return 0;
    this.documents.splice(index, 1);
    return 1;
  }
}

/** Ids in the filters the adapter sends: `{ _id: 'x' }` and `{ _id: 'x', position: n }`. */
function idOf(filter: Record<string, unknown>): string {
  return filter['_id'] as string;
}

class FakeDriverCollection {
  constructor(private readonly collection: FakeCollection) {}

  async findOne(filter: Record<string, unknown>, _options?: Options): Promise<Doc | null> {
    const [first] = mingoFind(this.collection.documents, filter).all() as Doc[];
    return first ? clone(first) : null;
  }

  async insertOne(document: Doc, _options?: Options): Promise<{ acknowledged: true }> {
    this.collection.insert(document);
    return { acknowledged: true };
  }

  async replaceOne(
    filter: Record<string, unknown>,
    document: Doc,
    options: Options = {},
  ): Promise<{ matchedCount: number; upsertedCount: number }> {
    return this.collection.replace(idOf(filter), document, options.upsert === true);
  }

  async updateOne(
    filter: Record<string, unknown>,
    update: Record<string, Record<string, unknown>>,
    options: Options = {},
  ): Promise<{ matchedCount: number; upsertedCount: number }> {
    const matches = mingoFind(this.collection.documents, filter).all() as Doc[];
    if (matches.length === 0 && Object.keys(filter).length > 1) return { matchedCount: 0, upsertedCount: 0 };
    return this.collection.updateById(idOf(filter), update, options.upsert === true);
  }

  async deleteOne(filter: Record<string, unknown>, _options?: Options): Promise<{ deletedCount: number }> {
    return { deletedCount: this.collection.deleteById(idOf(filter)) };
  }

  async deleteMany(_filter: Record<string, unknown>, _options?: Options): Promise<{ deletedCount: number }> {
    const count = this.collection.documents.length;
    this.collection.documents.splice(0);
    return { deletedCount: count };
  }

  find(filter: Record<string, unknown>, options: Options = {}): { toArray(): Promise<Doc[]> } {
    return {
      toArray: async () => {
        let cursor = mingoFind(this.collection.documents, filter, options.projection);
        if (options.sort) cursor = cursor.sort(options.sort);
        if (options.skip) cursor = cursor.skip(options.skip);
        if (options.limit) cursor = cursor.limit(options.limit);
        return clone(cursor.all() as Doc[]);
      },
    };
  }

  async countDocuments(filter: Record<string, unknown>): Promise<number> {
    return mingoFind(this.collection.documents, filter).all().length;
  }

  async createIndexes(
    specs: { key: Record<string, 1 | -1>; name: string; unique?: boolean }[],
  ): Promise<string[]> {
    for (const spec of specs) {
      if (spec.unique && !this.collection.uniqueKeys.some((k) => k.name === spec.name)) {
        this.collection.uniqueKeys.push({ name: spec.name, keys: Object.keys(spec.key) });
      }
    }
    return specs.map((s) => s.name);
  }

  async bulkWrite(
    operations: Record<string, Record<string, unknown>>[],
    _options?: Options,
  ): Promise<Record<string, number>> {
    const result = { insertedCount: 0, matchedCount: 0, modifiedCount: 0, upsertedCount: 0, deletedCount: 0 };
    for (const [index, operation] of operations.entries()) {
      try {
        const [kind, body] = Object.entries(operation)[0] as [string, Record<string, unknown>];
        const filter = body['filter'] as Record<string, unknown>;
        if (kind === 'insertOne') {
          this.collection.insert(body['document'] as Doc);
          result.insertedCount++;
        } else if (kind === 'replaceOne') {
          const r = this.collection.replace(
            idOf(filter),
            body['replacement'] as Doc,
            body['upsert'] === true,
          );
          result.matchedCount += r.matchedCount;
          result.upsertedCount += r.upsertedCount;
        } else if (kind === 'updateOne') {
          const r = this.collection.updateById(
            idOf(filter),
            body['update'] as Record<string, Record<string, unknown>>,
            body['upsert'] === true,
          );
          result.matchedCount += r.matchedCount;
          result.upsertedCount += r.upsertedCount;
        } else if (kind === 'deleteOne') {
          result.deletedCount += this.collection.deleteById(idOf(filter));
        }
      } catch (error) {
        if (!(error instanceof ServerError)) throw error;
        throw new BulkError(error, [{ index, code: error.code, errmsg: error.message }]);
      }
    }
    return result;
  }
}

export class FakeMongoServer {
  private readonly databases = new Map<string, Map<string, FakeCollection>>();
  transactions = 0;

  private database(name: string): Map<string, FakeCollection> {
    let database = this.databases.get(name);
    if (!database) this.databases.set(name, (database = new Map()));
    return database;
  }

  /** A connected client and database, standing in for the driver's (only what the adapter uses). */
  connect(databaseName: string): { client: MongoClient; db: Db } {
    const databases = this.databases;
    const countTransaction = (): void => {
      this.transactions++;
    };
    const collections = (): Map<string, FakeCollection> => this.database(databaseName);
    const db = {
      databaseName,
      collection: (name: string) => {
        let collection = collections().get(name);
        if (!collection) collections().set(name, (collection = new FakeCollection(name)));
        return new FakeDriverCollection(collection);
      },
      command: async () => ({ ok: 1, setName: 'rs0' }),
      dropDatabase: async () => databases.delete(databaseName),
    };
    const client = {
      db: () => db,
      close: async () => undefined,
      startSession: () => ({
        endSession: async () => undefined,
        // All or nothing: the transaction works on the live data and puts the snapshot back on failure.
        withTransaction: async <T>(work: (session: unknown) => Promise<T>): Promise<T> => {
          countTransaction();
          const snapshot = [...collections().entries()].map(
            ([name, c]) => [name, clone(c.documents)] as const,
          );
          try {
            return await work({});
          } catch (error) {
            for (const [name, documents] of snapshot) {
              const target = collections().get(name) as FakeCollection;
              target.documents.splice(0, target.documents.length, ...documents);
            }
            for (const [name, c] of collections())
              if (!snapshot.some(([n]) => n === name)) c.documents.splice(0);
            throw error;
          }
        },
      }),
    };
    return { client: client as unknown as MongoClient, db: db as unknown as Db };
  }
}
