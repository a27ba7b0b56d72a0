import type { Database, Statement } from 'better-sqlite3';
import {
  type BulkWriteResult,
  type CollectionWrite,
  compileFilter,
  compileProjection,
  compileUpdate,
  DocumentNotFoundError,
  DuplicateKeyError,
  type Filter,
  type FindOptions,
  type IndexSpec,
  InvalidQueryError,
  parsePath,
  parseSort,
  type ReadCollection,
  type ReadDocument,
  sortDocuments,
  type SortKey,
  serialiseDocument,
  type Update,
  validateFindOptions,
  validateIndexes,
} from '@fieldstream/read-store';
import { branchTerms, bracketExpr, compileSqlFilter, prefixes, typeExpr, valueExpr } from './sql-filter';

type Row = { doc: string };

export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * One collection: a `(_id TEXT PRIMARY KEY, doc TEXT)` table holding the JSON text, WITHOUT ROWID
 * so that every secondary index carries `_id` and serves the `_id` tie-breaker of sorts.
 * Statements are prepared once per collection: projection batches write through them.
 */
export class SqliteCollection<T extends ReadDocument = ReadDocument> implements ReadCollection<T> {
  private readonly table: string;
  private readonly getStmt: Statement<[string], Row>;
  private readonly existsStmt: Statement<[string], { one: number }>;
  private readonly insertStmt: Statement<[string, string]>;
  private readonly putStmt: Statement<[string, string]>;
  private readonly replaceStmt: Statement<[string, string]>;
  private readonly deleteStmt: Statement<[string]>;
  /** SQLite index name → the key it enforces, for DuplicateKeyError messages. */
  private readonly uniqueKeys = new Map<string, string>();
  private readonly queryCache = new Map<string, Statement>();
  private readonly schemaVersionStmt: Statement<[], { schema_version: number }>;
  private readonly partialIndexStmt: Statement<[string], { sql: string }>;
  private partialTerms = new Set<string>();
  private partialTermsVersion = -1;

  constructor(
    private readonly db: Database,
    readonly name: string,
  ) {
    this.table = quoteIdentifier(name);
    db.exec(
      `CREATE TABLE IF NOT EXISTS ${this.table} (_id TEXT NOT NULL PRIMARY KEY, doc TEXT NOT NULL) WITHOUT ROWID`,
    );
    this.getStmt = db.prepare(`SELECT doc FROM ${this.table} WHERE _id = ?`);
    this.existsStmt = db.prepare(`SELECT 1 AS one FROM ${this.table} WHERE _id = ?`);
    this.insertStmt = db.prepare(`INSERT INTO ${this.table} (_id, doc) VALUES (?, ?)`);
    this.putStmt = db.prepare(
      `INSERT INTO ${this.table} (_id, doc) VALUES (?, ?) ON CONFLICT (_id) DO UPDATE SET doc = excluded.doc`,
    );
    this.replaceStmt = db.prepare(`UPDATE ${this.table} SET doc = ? WHERE _id = ?`);
    this.deleteStmt = db.prepare(`DELETE FROM ${this.table} WHERE _id = ?`);
    this.schemaVersionStmt = db.prepare('PRAGMA schema_version');
    this.partialIndexStmt = db.prepare(
      "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql LIKE '% WHERE %'",
    );
  }

  async get(id: string): Promise<T | null> {
    checkId(id);
    const row = this.getStmt.get(id);
    return row ? (JSON.parse(row.doc) as T) : null;
  }

  async insert(document: T): Promise<void> {
    this.writeOne({ op: 'insert', document });
  }

  async replace(document: T): Promise<void> {
    this.writeOne({ op: 'replace', document });
  }

  async put(document: T): Promise<{ created: boolean }> {
    const result = this.writeOne({ op: 'put', document });
    return { created: result.upserted === 1 };
  }

  async update(id: string, update: Update, options?: { upsert?: boolean }): Promise<{ matched: boolean }> {
    const result = this.writeOne({ op: 'update', id, update, upsert: options?.upsert ?? false }, true);
    return { matched: result.modified + result.upserted === 1 };
  }

  async delete(id: string): Promise<{ deleted: boolean }> {
    return { deleted: this.writeOne({ op: 'delete', id }).deleted === 1 };
  }

  async find(filter?: Filter, options?: FindOptions): Promise<T[]> {
    return this.query(filter, options ?? {});
  }

  async findOne(filter?: Filter, options?: Omit<FindOptions, 'limit'>): Promise<T | null> {
    return this.query(filter, { ...options, limit: 1 })[0] ?? null;
  }

  async count(filter?: Filter): Promise<number> {
    const predicate = compileFilter(filter);
    const sql = compileSqlFilter(filter);
    const terms = branchTerms(sql.paths, []);
    return this.db
      .transaction(() => {
        let total = 0;
        const scalarGuard = terms.length > 0 ? ` AND NOT ifnull(${terms.join(' OR ')}, 0)` : '';
        if (sql.exact) {
          const row = this.statement(
            `SELECT count(*) AS n FROM ${this.table} WHERE ${sql.sql}${scalarGuard}`,
          ).get(...sql.params) as { n: number };
          total += row.n;
        } else {
          total += this.scan(
            `SELECT doc FROM ${this.table} WHERE ${sql.sql}${scalarGuard}`,
            sql.params,
          ).filter((d) => predicate(d)).length;
        }
        if (terms.length > 0)
          total += this.scan(`SELECT doc FROM ${this.table} WHERE ${this.arrayBranch(terms)}`, []).filter(
            (d) => predicate(d),
          ).length;
        return total;
      })
      .deferred();
  }

  async ensureIndexes(indexes: readonly IndexSpec[]): Promise<void> {
    validateIndexes(indexes);
    const statements: string[] = [];
    indexes.forEach((spec, i) => statements.push(...this.indexStatements(spec, `indexes.${i}`)));
    try {
      this.db.transaction(() => statements.forEach((s) => this.db.exec(s))).immediate();
    } catch (error) {
      // A unique index over documents that already repeat a value: MongoDB's E11000 on build.
      if ((error as { code?: unknown })?.code === 'SQLITE_CONSTRAINT_UNIQUE') {
        const unique = indexes.filter((i) => i.unique).map((i) => i.name ?? Object.keys(i.keys).join(', '));
        throw new DuplicateKeyError(
          this.name,
          `existing documents repeat a value of unique index ${unique.join(' or ')}`,
        );
      }
      throw error;
    }
  }

  async bulkWrite(writes: readonly CollectionWrite[]): Promise<BulkWriteResult> {
    if (!Array.isArray(writes)) throw new InvalidQueryError('writes: must be an array', 'writes');
    const result: BulkWriteResult = { inserted: 0, modified: 0, upserted: 0, deleted: 0 };
    this.db.transaction(() => writes.forEach((w) => this.apply(w, result))).immediate();
    return result;
  }

  async clear(): Promise<void> {
    this.statement(`DELETE FROM ${this.table}`).run();
  }

  /** Applies one write inside the caller's transaction; the projection batch path calls it too. */
  apply(write: CollectionWrite, result?: BulkWriteResult, missingUpdateIsAnswer = false): void {
    try {
      this.applyUnmapped(write, result, missingUpdateIsAnswer);
    } catch (error) {
      throw this.mapConstraint(error, write);
    }
  }

  private writeOne(write: CollectionWrite, missingUpdateIsAnswer = false): BulkWriteResult {
    const result: BulkWriteResult = { inserted: 0, modified: 0, upserted: 0, deleted: 0 };
    this.db.transaction(() => this.apply(write, result, missingUpdateIsAnswer)).immediate();
    return result;
  }

  private applyUnmapped(
    write: CollectionWrite,
    result: BulkWriteResult | undefined,
    missingUpdateIsAnswer: boolean,
  ): void {
    switch (write?.op) {
      case 'insert': {
        const json = serialiseDocument(this.name, write.document);
        this.insertStmt.run(write.document._id, json);
        if (result) result.inserted++;
        return;
      }
      case 'put': {
        const json = serialiseDocument(this.name, write.document);
        // Counting needs to know whether it existed; the projection path skips the look-up.
        if (result) {
          if (this.existsStmt.get(write.document._id)) result.modified++;
          else result.upserted++;
        }
        this.putStmt.run(write.document._id, json);
        return;
      }
      case 'replace': {
        const json = serialiseDocument(this.name, write.document);
        if (this.replaceStmt.run(json, write.document._id).changes === 0) {
          throw new DocumentNotFoundError(this.name, write.document._id);
        }
        if (result) result.modified++;
        return;
      }
      case 'update': {
        checkId(write.id);
        const apply = compileUpdate(write.update);
        const row = this.getStmt.get(write.id);
        if (!row && !write.upsert) {
          // `update()` answers matched: false; in a bulk write or a projection batch a plain update
          // of a missing document is a broken assumption (the port's DocumentNotFoundError).
          if (missingUpdateIsAnswer) return;
          throw new DocumentNotFoundError(this.name, write.id);
        }
        const document = row ? (JSON.parse(row.doc) as Record<string, unknown>) : { _id: write.id };
        apply(document);
        const json = serialiseDocument(this.name, document);
        if (row) {
          this.replaceStmt.run(json, write.id);
          if (result) result.modified++;
        } else {
          this.insertStmt.run(write.id, json);
          if (result) result.upserted++;
        }
        return;
      }
      case 'delete': {
        checkId(write.id);
        const changes = this.deleteStmt.run(write.id).changes;
        if (result) result.deleted += changes;
        return;
      }
      default:
        throw new InvalidQueryError(
          `write.op: unknown operation ${String((write as { op?: unknown })?.op)}`,
          'write.op',
        );
    }
  }

  private mapConstraint(error: unknown, write: CollectionWrite): unknown {
    const code = (error as { code?: unknown })?.code;
    if (code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
      const id = 'document' in write ? write.document._id : 'id' in write ? write.id : '?';
      return new DuplicateKeyError(this.name, `_id ${JSON.stringify(id)}`);
    }
    if (code === 'SQLITE_CONSTRAINT_UNIQUE') {
      const index = /index '([^']+)'/.exec((error as Error).message)?.[1] ?? '';
      // An index created by another process is not in the map: its SQL name still holds the key.
      const fallback = `index ${index.replace(`${this.name}__`, '').replace(/__unique$/, '')}`;
      return new DuplicateKeyError(this.name, this.uniqueKeys.get(index) ?? fallback);
    }
    return error;
  }

  /**
   * SQLite's plan for the statements `find` runs (EXPLAIN QUERY PLAN lines): the scalar branch
   * first, then the array branch when the query has one. For checking that an index serves a query.
   */
  async explain(filter?: Filter, options: FindOptions = {}): Promise<string[]> {
    const plan = this.plan(filter, options);
    const statements: [string, unknown[]][] = [[plan.scalarSql, plan.params]];
    if (plan.arraySql) statements.push([plan.arraySql, []]);
    return statements.flatMap(([sql, params]) =>
      (this.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map(
        (row) => row.detail,
      ),
    );
  }

  /** The two SQL statements of a find: scalar branch (exact or a superset) and array branch. */
  private plan(filter: Filter | undefined, options: FindOptions) {
    const predicate = compileFilter(filter);
    const checked = validateFindOptions(options);
    const keys = parseSort(checked.sort);
    const project = compileProjection(checked.projection);
    const skip = checked.skip ?? 0;
    // MongoDB reads a limit of 0 as "no limit"; so do we.
    const limit = checked.limit || undefined;
    const sql = compileSqlFilter(filter);
    const terms = branchTerms(
      sql.paths,
      keys.filter((k) => k.path !== '_id').map((k) => k.segments),
    );
    const scalarGuard = terms.length > 0 ? ` AND NOT ifnull(${terms.join(' OR ')}, 0)` : '';
    let tail = '';
    if (sql.exact) {
      if (keys.length > 0) tail += ` ORDER BY ${orderBy(keys)}`;
      if (limit !== undefined) tail += ` LIMIT ${skip + limit}`;
    }
    return {
      predicate,
      keys,
      project,
      skip,
      limit,
      exact: sql.exact,
      params: sql.params,
      scalarSql: `SELECT doc FROM ${this.table} WHERE ${sql.sql}${scalarGuard}${tail}`,
      arraySql: terms.length > 0 ? `SELECT doc FROM ${this.table} WHERE ${this.arrayBranch(terms)}` : null,
    };
  }

  private query(filter: Filter | undefined, options: FindOptions): T[] {
    const plan = this.plan(filter, options);
    const { predicate, keys, skip, limit } = plan;
    let ordered = false;
    const documents = this.db
      .transaction(() => {
        let rows = this.scan(plan.scalarSql, plan.params);
        if (!plan.exact) rows = rows.filter((d) => predicate(d));
        ordered = plan.exact;
        if (plan.arraySql) {
          const arrays = this.scan(plan.arraySql, []).filter((d) => predicate(d));
          if (arrays.length > 0) {
            rows = rows.concat(arrays);
            ordered = false;
          }
        }
        return rows;
      })
      .deferred();
    // SQL's ORDER BY is MongoDB's order for the scalar branch; JS sorts only what SQL could not.
    if (keys.length > 0 && !ordered) sortDocuments(documents, keys);
    const page = documents.slice(skip, limit === undefined ? undefined : skip + limit);
    return (plan.project ? page.map(plan.project) : page) as T[];
  }

  /**
   * When every term has its partial index: one sub-select per term, since SQLite's OR optimisation
   * does not pick partial indexes and a UNION of single-term selects does (an array-free collection
   * then answers from empty indexes). Otherwise one scan with OR beats one scan per term.
   */
  private arrayBranch(terms: readonly string[]): string {
    const indexed = this.partialIndexTerms();
    if (terms.every((t) => indexed.has(t))) {
      return `_id IN (${terms.map((t) => `SELECT _id FROM ${this.table} WHERE ${t}`).join(' UNION ALL ')})`;
    }
    return terms.join(' OR ');
  }

  /** WHERE clauses of this table's partial indexes, re-read when the schema changed (any process). */
  private partialIndexTerms(): Set<string> {
    const version = this.schemaVersionStmt.get()?.schema_version ?? -1;
    if (version !== this.partialTermsVersion) {
      const rows = this.partialIndexStmt.all(this.name);
      this.partialTerms = new Set(rows.map((r) => r.sql.slice(r.sql.lastIndexOf(' WHERE ') + 7)));
      this.partialTermsVersion = version;
    }
    return this.partialTerms;
  }

  private scan(sql: string, params: unknown[]): ReadDocument[] {
    const rows = this.statement(sql).all(...params) as Row[];
    return rows.map((r) => JSON.parse(r.doc) as ReadDocument);
  }

  /** Queries repeat their shape with new values, so their statements are worth keeping. */
  private statement(sql: string): Statement {
    let statement = this.queryCache.get(sql);
    if (statement) {
      this.queryCache.delete(sql);
    } else {
      statement = this.db.prepare(sql);
      if (this.queryCache.size >= 256) this.queryCache.delete(this.queryCache.keys().next().value as string);
    }
    this.queryCache.set(sql, statement);
    return statement;
  }

  /** For a spec `validateIndexes` accepted. */
  private indexStatements(spec: IndexSpec, where: string): string[] {
    const entries = Object.entries(spec.keys);
    const keys = entries.map(([path, direction]) => ({ path, segments: parsePath(path, where), direction }));
    const name = spec.name ?? entries.map(([p, d]) => `${p}_${d}`).join('_');
    const base = `${this.name}__${name}`;
    const dir = (d: 1 | -1) => (d === 1 ? 'ASC' : 'DESC');
    const columns = keys
      .map((k) =>
        k.path === '_id'
          ? `_id ${dir(k.direction)}`
          : `${bracketExpr(k.segments)} ${dir(k.direction)}, ${valueExpr(k.segments)} ${dir(k.direction)}`,
      )
      .join(', ');
    const statements = [`CREATE INDEX IF NOT EXISTS ${quoteIdentifier(base)} ON ${this.table} (${columns})`];
    if (spec.unique) {
      // NULLs are distinct in an SQLite unique index, but MongoDB treats null and missing as one
      // value: `ifnull` makes them equal (their bracket column already separates them from '').
      const uniqueColumns = keys
        .map((k) =>
          k.path === '_id' ? '_id' : `${bracketExpr(k.segments)}, ifnull(${valueExpr(k.segments)}, '')`,
        )
        .join(', ');
      const uniqueName = `${base}__unique`;
      this.uniqueKeys.set(uniqueName, `${name} (${keys.map((k) => k.path).join(', ')})`);
      statements.push(
        `CREATE UNIQUE INDEX IF NOT EXISTS ${quoteIdentifier(uniqueName)} ON ${this.table} (${uniqueColumns})`,
      );
    }
    // Tiny partial indexes that find the documents taking the JS path (arrays, or documents
    // under a sort key) without a scan; empty when the data has none.
    for (const prefix of prefixes(keys.filter((k) => k.path !== '_id').map((k) => k.segments))) {
      const label = prefix.join('.');
      statements.push(
        `CREATE INDEX IF NOT EXISTS ${quoteIdentifier(`${this.name}__array__${label}`)} ON ${this.table} (_id) WHERE ${typeExpr(prefix)} = 'array'`,
      );
    }
    for (const k of keys) {
      if (k.path === '_id') continue;
      statements.push(
        `CREATE INDEX IF NOT EXISTS ${quoteIdentifier(`${this.name}__object__${k.path}`)} ON ${this.table} (_id) WHERE ${typeExpr(k.segments)} = 'object'`,
      );
    }
    return statements;
  }
}

function orderBy(keys: readonly SortKey[]): string {
  return keys
    .map((k) => {
      const dir = k.direction === 1 ? 'ASC' : 'DESC';
      return k.path === '_id'
        ? `_id ${dir}`
        : `${bracketExpr(k.segments)} ${dir}, ${valueExpr(k.segments)} ${dir}`;
    })
    .join(', ');
}

function checkId(id: unknown): void {
  if (typeof id !== 'string' || id.length === 0)
    throw new InvalidQueryError('id: must be a non-empty string', 'id');
}
