import type { Collection, Filter as MongoFilter, Sort as MongoSort } from 'mongodb';
import {
  type BulkWriteResult,
  type CollectionWrite,
  type DocumentWrite,
  DocumentNotFoundError,
  type Filter,
  type FindOptions,
  type IndexSpec,
  InvalidQueryError,
  type ReadCollection,
  type ReadDocument,
  type Update,
  validateDocument,
  validateFilter,
  validateFindOptions,
  validateIndexes,
  validateUpdate,
} from '@fieldstream/read-store';
import { isRejectedUpdate, mapMongoError } from './mongo-errors';
import { diagnoseRejectedUpdate } from './mongo-update-diagnosis';
import { type StoredDocument, toMongoUpdate, validateId, validateWrite } from './mongo-write-mapping';

/** What a collection needs from its store: ordered (and, where possible, atomic) batches. */
export interface WriteRunner {
  applyWrites(writes: readonly DocumentWrite[]): Promise<BulkWriteResult>;
}

/** Unsorted finds come back in `_id` order, as in the embedded adapter, not MongoDB's natural order. */
const DEFAULT_SORT: MongoSort = { _id: 1 };

export class MongoReadCollection<T extends ReadDocument = ReadDocument> implements ReadCollection<T> {
  constructor(
    readonly name: string,
    private readonly collection: Collection<StoredDocument>,
    private readonly runner: WriteRunner,
  ) {}

  async get(id: string): Promise<T | null> {
    validateId(id);
    return this.run(async () => (await this.collection.findOne({ _id: id })) as T | null, id);
  }

  async insert(document: T): Promise<void> {
    validateDocument(this.name, document);
    await this.run(() => this.collection.insertOne(document), document._id);
  }

  async replace(document: T): Promise<void> {
    validateDocument(this.name, document);
    const result = await this.run(
      () => this.collection.replaceOne({ _id: document._id }, document),
      document._id,
    );
    if (result.matchedCount === 0) throw new DocumentNotFoundError(this.name, document._id);
  }

  async put(document: T): Promise<{ created: boolean }> {
    validateDocument(this.name, document);
    const result = await this.run(
      () => this.collection.replaceOne({ _id: document._id }, document, { upsert: true }),
      document._id,
    );
    return { created: result.upsertedCount > 0 };
  }

  async update(id: string, update: Update, options?: { upsert?: boolean }): Promise<{ matched: boolean }> {
    validateId(id);
    validateUpdate(update);
    const upsert = options?.upsert === true;
    try {
      const result = await this.collection.updateOne({ _id: id }, toMongoUpdate(update), { upsert });
      return { matched: result.matchedCount > 0 || result.upsertedCount > 0 };
    } catch (error) {
      const updatePath = isRejectedUpdate(error) ? await this.diagnose(id, update) : undefined;
      throw mapMongoError(error, { collection: this.name, id, updatePath });
    }
  }

  async delete(id: string): Promise<{ deleted: boolean }> {
    validateId(id);
    const result = await this.run(() => this.collection.deleteOne({ _id: id }), id);
    return { deleted: result.deletedCount > 0 };
  }

  async find(filter?: Filter, options?: FindOptions): Promise<T[]> {
    const query = validateFilter(filter) as MongoFilter<StoredDocument>;
    const { sort, skip, limit, projection } = validateFindOptions(options);
    return this.run(async () => {
      const cursor = this.collection.find(query, {
        sort: sort ?? DEFAULT_SORT,
        ...(skip !== undefined ? { skip } : {}),
        ...(limit !== undefined ? { limit } : {}),
        ...(projection !== undefined ? { projection } : {}),
      });
      return (await cursor.toArray()) as T[];
    });
  }

  async findOne(filter?: Filter, options?: Omit<FindOptions, 'limit'>): Promise<T | null> {
    const [first] = await this.find(filter, { ...options, limit: 1 });
    return first ?? null;
  }

  async count(filter?: Filter): Promise<number> {
    const query = validateFilter(filter) as MongoFilter<StoredDocument>;
    return this.run(() => this.collection.countDocuments(query));
  }

  async ensureIndexes(indexes: readonly IndexSpec[]): Promise<void> {
    validateIndexes(indexes);
    if (indexes.length === 0) return;
    await this.run(() =>
      this.collection.createIndexes(
        indexes.map((spec) => ({
          key: spec.keys,
          name:
            spec.name ??
            Object.entries(spec.keys)
              .map(([path, direction]) => `${path}_${direction}`)
              .join('_'),
          ...(spec.unique === true ? { unique: true } : {}),
        })),
      ),
    );
  }

  async bulkWrite(writes: readonly CollectionWrite[]): Promise<BulkWriteResult> {
    if (!Array.isArray(writes)) throw new InvalidQueryError('writes: must be an array', 'writes');
    const complete = writes.map((write, index) =>
      validateWrite({ ...(write as object), collection: this.name }, `writes.${index}`),
    );
    return this.runner.applyWrites(complete);
  }

  async clear(): Promise<void> {
    await this.run(() => this.collection.deleteMany({}));
  }

  private async diagnose(id: string, update: Update): Promise<string | undefined> {
    const current = await this.collection.findOne({ _id: id }).catch(() => null);
    return diagnoseRejectedUpdate(current ?? {}, update);
  }

  private async run<R>(operation: () => Promise<R>, id?: string): Promise<R> {
    try {
      return await operation();
    } catch (error) {
      throw mapMongoError(error, { collection: this.name, ...(id !== undefined ? { id } : {}) });
    }
  }
}
