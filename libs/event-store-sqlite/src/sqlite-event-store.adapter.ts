import type Database from 'better-sqlite3';
import {
  ANY,
  type AppendResult,
  type EventStore,
  type EventStoreHealth,
  EventStoreUnavailableError,
  type EventSubscription,
  type ExpectedRevision,
  InvalidAppendError,
  NO_STREAM,
  type NewEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  STREAM_EXISTS,
  type SubscribeToAllOptions,
  WrongExpectedRevisionError,
  validateAppend,
  validateExpectedRevision,
  validateReadAllOptions,
  validateReadStreamOptions,
  validateSubscribeOptions,
} from '@fieldstream/event-store';
import { isBusyError, retryBusy, retryBusySync } from '@fieldstream/sqlite-support';
import { toRecordedEvent } from './event-row.mapper';
import { openConnection } from './sqlite-connection';
import { SqliteReadWorker } from './sqlite-read-worker';
import { EVENT_COLUMNS, EVENT_JSON_COLUMN, type EventRow } from './sqlite-schema';
import { SqliteSubscription, type SubscriptionSource } from './sqlite-subscription';

export interface SqliteEventStoreOptions {
  /** The database file; its folder is created when missing. */
  file: string;
  /**
   * How often live subscriptions look for appends made by other processes. Default 2 ms: a look is
   * one `PRAGMA data_version` (microseconds), and a command answered once the worker's projections
   * show it waits for this on top of everything else.
   */
  pollIntervalMs?: number;
  /** SQLite's own wait for a lock before answering SQLITE_BUSY. Default 5 s. */
  busyTimeoutMs?: number;
  /** Total time an open, a transaction start or a commit keeps retrying SQLITE_BUSY. Default 30 s. */
  lockDeadlineMs?: number;
  /** Largest number of events committed in one group transaction. Default 5000. */
  maxEventsPerCommit?: number;
  /**
   * `readAll` pages of at least this many events are read on a worker thread, so that a caller
   * asking for the next page before processing the current one (a rebuild) overlaps the two.
   * Smaller reads and subscriptions stay on this thread, for latency. Default 1000; `Infinity`
   * keeps every read on this thread.
   */
  workerReadMinCount?: number;
  /** The worker's script; tests point it elsewhere to see a failing worker fall back. */
  workerReadScript?: string;
}

export async function openSqliteEventStore(options: SqliteEventStoreOptions): Promise<SqliteEventStore> {
  if (
    options === null ||
    typeof options !== 'object' ||
    typeof options.file !== 'string' ||
    options.file === ''
  ) {
    throw new TypeError('openSqliteEventStore: options.file must be a non-empty path');
  }
  const busyTimeoutMs = options.busyTimeoutMs ?? 5000;
  const lockDeadlineMs = options.lockDeadlineMs ?? 30_000;
  const db = await openConnection({ file: options.file, busyTimeoutMs, openDeadlineMs: lockDeadlineMs });
  return new SqliteEventStore(db, {
    file: options.file,
    busyTimeoutMs,
    pollIntervalMs: options.pollIntervalMs ?? 2,
    lockDeadlineMs,
    maxEventsPerCommit: options.maxEventsPerCommit ?? 5000,
    workerReadMinCount: options.workerReadMinCount ?? 1000,
    workerReadScript: options.workerReadScript,
  });
}

interface PendingAppend {
  streamName: string;
  events: readonly NewEvent[];
  serialized: { data: string; metadata: string }[];
  expected: ExpectedRevision;
  resolve(result: AppendResult): void;
  reject(error: unknown): void;
}

interface KnownEventRow {
  position: number;
  revision: number;
  append_last_revision: number;
}

interface Settings {
  file: string;
  busyTimeoutMs: number;
  pollIntervalMs: number;
  lockDeadlineMs: number;
  maxEventsPerCommit: number;
  workerReadMinCount: number;
  workerReadScript: string | undefined;
}

/**
 * EventStore on one SQLite file, shared by any number of processes.
 *
 * Group commit: appends are queued and committed together at the next turn of the event loop
 * (`setImmediate`), in one `BEGIN IMMEDIATE` transaction and so one fsync. Each append keeps its
 * own checks: ids and the expected revision are checked inside the transaction before it writes,
 * so a refused append writes nothing and the others in the group go on; a multi-event append also
 * runs in a savepoint so that an unexpected failure part-way leaves no half.
 *
 * Why no subscriber can see a gap: positions are rowids handed out as max(rowid) + 1 while the
 * single SQLite write lock is held, and a transaction's rows become visible all at once at commit.
 * The next writer (in this or any other process) can only take the lock after that commit, so a
 * higher position never becomes visible before a lower one. With several writers that each
 * reserved positions before committing (as in a client-server database), this would not hold.
 * Large `readAll` pages are read by a worker thread on its own read-only connection (see
 * SqliteReadWorker): in WAL mode that connection too sees each commit whole or not at all, and
 * the commits in the same order, so the argument holds for it unchanged.
 */
export class SqliteEventStore implements EventStore {
  private readonly queue: PendingAppend[] = [];
  private flushTimer: NodeJS.Immediate | undefined;
  private flushing: Promise<void> | undefined;
  private closed = false;
  private readonly subscriptions = new Set<SqliteSubscription>();
  private readonly waiters = new Set<() => void>();
  private pollTimer: NodeJS.Timeout | undefined;
  private lastDataVersion: number;
  private readonly readWorker: SqliteReadWorker;
  /** Reads handed to the worker and not yet answered; `close()` lets them finish first. */
  private readonly workerReads = new Set<Promise<unknown>>();

  private readonly statements: {
    currentRevision: Database.Statement<[string], { revision: number }>;
    knownOne: Database.Statement<[string, string], KnownEventRow>;
    knownMany: Database.Statement<[string, string], KnownEventRow>;
    insert: Database.Statement<[string, number, string, string, string, string, string, number]>;
    head: Database.Statement<[], { head: number }>;
    dataVersion: Database.Statement<[], { data_version: number }>;
    streamForwards: Database.Statement<[string, number, number], EventRow>;
    streamBackwards: Database.Statement<[string, number, number], EventRow>;
  };
  private readonly readAllStatements = new Map<
    string,
    Database.Statement<[Record<string, unknown>], EventRow>
  >();

  constructor(
    private readonly db: Database.Database,
    private readonly settings: Settings,
  ) {
    const columns = EVENT_COLUMNS;
    this.statements = {
      currentRevision: db.prepare<[string], { revision: number }>(
        'SELECT revision FROM events WHERE stream_name = ? ORDER BY revision DESC LIMIT 1',
      ),
      knownOne: db.prepare<[string, string], KnownEventRow>(
        'SELECT position, revision, append_last_revision FROM events WHERE stream_name = ? AND event_id = ?',
      ),
      knownMany: db.prepare<[string, string], KnownEventRow>(
        `SELECT position, revision, append_last_revision FROM events
         WHERE stream_name = ? AND event_id IN (SELECT value FROM json_each(?))`,
      ),
      insert: db.prepare<[string, number, string, string, string, string, string, number]>(
        `INSERT INTO events (stream_name, revision, event_id, event_type, data, metadata, recorded_at, append_last_revision)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      head: db.prepare<[], { head: number }>('SELECT coalesce(max(position), 0) AS head FROM events'),
      dataVersion: db.prepare<[], { data_version: number }>('PRAGMA data_version'),
      streamForwards: db
        .prepare<[string, number, number], EventRow>(
          `SELECT ${columns} FROM events WHERE stream_name = ? AND revision >= ? ORDER BY revision ASC LIMIT ?`,
        )
        .raw(true),
      streamBackwards: db
        .prepare<[string, number, number], EventRow>(
          `SELECT ${columns} FROM events WHERE stream_name = ? AND revision <= ? ORDER BY revision DESC LIMIT ?`,
        )
        .raw(true),
    };
    this.lastDataVersion = this.statements.dataVersion.get()?.data_version ?? 0;
    this.readWorker = new SqliteReadWorker(settings.file, settings.busyTimeoutMs, settings.workerReadScript);
  }

  appendToStream(
    streamName: string,
    events: readonly NewEvent[],
    expected: ExpectedRevision = ANY,
  ): Promise<AppendResult> {
    let serialized: { data: string; metadata: string }[];
    try {
      serialized = validateAppend(streamName, events);
      validateExpectedRevision(expected);
    } catch (error) {
      return Promise.reject(error);
    }
    if (this.closed)
      return Promise.reject(new EventStoreUnavailableError('The SQLite event store is closed'));
    return new Promise<AppendResult>((resolve, reject) => {
      this.queue.push({ streamName, events, serialized, expected, resolve, reject });
      this.scheduleFlush();
    });
  }

  async readStream(streamName: string, options: ReadStreamOptions): Promise<RecordedEvent[]> {
    validateReadStreamOptions(streamName, options);
    this.assertOpen();
    const backwards = options.direction === 'backwards';
    const statement = backwards ? this.statements.streamBackwards : this.statements.streamForwards;
    const from = options.fromRevision ?? (backwards ? Number.MAX_SAFE_INTEGER : 0);
    const rows = this.read(() => statement.all(streamName, from, options.maxCount));
    return rows.map(toRecordedEvent);
  }

  async readAll(options: ReadAllOptions): Promise<RecordedEvent[]> {
    validateReadAllOptions(options);
    this.assertOpen();
    const backwards = options.direction === 'backwards';
    const after = options.after ?? (backwards ? Number.MAX_SAFE_INTEGER : 0);
    const query = (columns: string) =>
      this.readAllQuery(
        columns,
        backwards,
        after,
        Number.MAX_SAFE_INTEGER,
        options.maxCount,
        options.eventTypes,
        options.streamPrefixes,
      );
    const inProcess = () => {
      const { sql, parameters } = query(EVENT_COLUMNS);
      return this.read(() => this.readAllStatement(sql).all(parameters)).map(toRecordedEvent);
    };
    if (options.maxCount < this.settings.workerReadMinCount || this.readWorker.broken) return inProcess();
    // The worker has SQLite write each row as the JSON of its RecordedEvent (see EVENT_JSON_COLUMN).
    // Whatever goes wrong on its side, the page is read here instead: never lost, and any error
    // the caller sees is the one an in-process read gives.
    const { sql, parameters } = query(EVENT_JSON_COLUMN);
    const read = this.readWorker.read(sql, parameters).catch(() => inProcess());
    this.workerReads.add(read);
    void read.finally(() => this.workerReads.delete(read)).catch(() => undefined);
    return read;
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): EventSubscription {
    validateSubscribeOptions(options);
    this.assertOpen();
    const { eventTypes, streamPrefixes } = options;
    const source: SubscriptionSource = {
      readPage: (after, maxCount) => this.readSubscriptionPage(after, maxCount, eventTypes, streamPrefixes),
      waitForChange: (stop) => this.waitForChange(stop),
      onClosed: (subscription) => this.subscriptions.delete(subscription),
    };
    const subscription = new SqliteSubscription(source, options.after ?? 0, options.signal);
    if (!options.signal?.aborted) this.subscriptions.add(subscription);
    return subscription;
  }

  async headPosition(): Promise<number> {
    this.assertOpen();
    return this.read(() => this.statements.head.get()?.head ?? 0);
  }

  async health(): Promise<EventStoreHealth> {
    if (this.closed) return { ok: false, adapter: 'sqlite', detail: 'closed' };
    try {
      const headPosition = this.read(() => this.statements.head.get()?.head ?? 0);
      return { ok: true, adapter: 'sqlite', detail: this.settings.file, headPosition };
    } catch (error) {
      return { ok: false, adapter: 'sqlite', detail: (error as Error).message };
    }
  }

  /** Lets queued appends finish, ends every subscription, then closes the file. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    while (this.flushing !== undefined || this.queue.length > 0) {
      if (this.flushing === undefined) {
        clearImmediate(this.flushTimer);
        this.flushTimer = undefined;
        this.flushing = this.flush();
      }
      await this.flushing;
    }
    for (const subscription of [...this.subscriptions]) subscription.stop();
    this.wakeAll();
    clearTimeout(this.pollTimer);
    // A read already handed to the worker is answered, as an in-process read begun before
    // close() would have been; its fallback needs the connection still open.
    await Promise.allSettled([...this.workerReads]);
    await this.readWorker.stop();
    this.db.close();
  }

  // ---- group commit -------------------------------------------------------------------------

  private scheduleFlush(): void {
    if (this.flushTimer !== undefined || this.flushing !== undefined) return;
    this.flushTimer = setImmediate(() => {
      this.flushTimer = undefined;
      this.flushing = this.flush();
    });
  }

  private async flush(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        await this.commitNextGroup();
        // Let callers whose appends were just answered queue their next ones before the next
        // group is cut, so that concurrent writers keep sharing commits.
        if (this.queue.length > 0 && !this.closed)
          await new Promise<void>((resolve) => setImmediate(resolve));
      }
    } finally {
      this.flushing = undefined;
    }
  }

  private takeGroup(): PendingAppend[] {
    let events = 0;
    let count = 0;
    while (count < this.queue.length) {
      events += this.queue[count]!.events.length;
      count++;
      if (events >= this.settings.maxEventsPerCommit) break;
    }
    return this.queue.splice(0, count);
  }

  private async commitNextGroup(): Promise<void> {
    try {
      // Nothing is open yet, so the wait for another process's write lock yields to the event
      // loop instead of sleeping inside SQLite's busy handler: this process's other files and
      // reads go on meanwhile, and appends arriving during the wait join the group, which is
      // cut only once the lock is held. Lock holds last about one fsync, hence the low ceiling.
      await retryBusy(() => this.beginWithoutWaiting(), this.settings.lockDeadlineMs, 8);
    } catch (error) {
      this.failGroup(this.takeGroup(), error);
      return;
    }
    const group = this.takeGroup();
    const recordedAt = new Date().toISOString();
    const outcomes: ({ ok: true; result: AppendResult } | { ok: false; error: unknown })[] = [];
    try {
      for (const append of group) {
        try {
          outcomes.push({ ok: true, result: this.writeAppend(append, recordedAt) });
        } catch (error) {
          if (!this.db.inTransaction) throw error;
          outcomes.push({ ok: false, error });
        }
      }
      // Inside the open transaction: the wait must not yield, or a read on this connection would
      // see rows that are not committed yet.
      retryBusySync(() => this.db.exec('COMMIT'), this.settings.lockDeadlineMs);
    } catch (error) {
      try {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
      } catch {
        // The connection is broken beyond a rollback; SQLite discards the open transaction when
        // it closes. What matters here is that every caller hears of the failure.
      }
      this.failGroup(group, error);
      return;
    }
    group.forEach((append, index) => {
      const outcome = outcomes[index]!;
      if (outcome.ok) append.resolve(outcome.result);
      else append.reject(outcome.error);
    });
    this.wakeAll();
  }

  private beginWithoutWaiting(): void {
    this.db.pragma('busy_timeout = 0');
    try {
      this.db.exec('BEGIN IMMEDIATE');
    } finally {
      this.db.pragma(`busy_timeout = ${this.settings.busyTimeoutMs}`);
    }
  }

  private failGroup(group: PendingAppend[], error: unknown): void {
    const failure =
      error instanceof EventStoreUnavailableError
        ? error
        : new EventStoreUnavailableError(
            isBusyError(error)
              ? `The event store file ${this.settings.file} stayed locked by another process`
              : `Append to ${this.settings.file} failed: ${(error as Error).message}`,
            { cause: error },
          );
    for (const append of group) append.reject(failure);
  }

  /** Runs inside the group's transaction; throws the append's own refusal, having written nothing. */
  private writeAppend(append: PendingAppend, recordedAt: string): AppendResult {
    const { streamName, events, serialized, expected } = append;
    // Ids are stored in canonical lower case, as EventStoreDB gives them back (it keeps UUIDs as
    // 16 bytes); the event_id column also compares without case, so a retry in any case is known.
    const ids = events.map((event) => event.id.toLowerCase());
    // A repeat starts with a known id. When the first id is new, a later known one can only be a
    // mix, which the unique (stream_name, event_id) index reports while inserting: this spares a
    // lookup per event on every large append. (A mix is therefore reported as such only once the
    // expected revision holds; otherwise the conflict is reported first.)
    const firstKnown = this.statements.knownOne.get(streamName, ids[0]!);
    if (firstKnown !== undefined) {
      const known =
        ids.length === 1 ? [firstKnown] : this.statements.knownMany.all(streamName, JSON.stringify(ids));
      return this.answerRepeat(streamName, ids.length, known);
    }

    const current = this.statements.currentRevision.get(streamName)?.revision ?? -1;
    const holds =
      expected === ANY ||
      (expected === NO_STREAM && current < 0) ||
      (expected === STREAM_EXISTS && current >= 0) ||
      expected === current;
    if (!holds) throw new WrongExpectedRevisionError(streamName, expected, current < 0 ? NO_STREAM : current);

    const last = current + events.length;
    const multi = events.length > 1;
    if (multi) this.db.exec('SAVEPOINT append');
    try {
      let position = 0;
      events.forEach((event, index) => {
        const { data, metadata } = serialized[index]!;
        const info = this.statements.insert.run(
          streamName,
          current + 1 + index,
          ids[index]!,
          event.type,
          data,
          metadata,
          recordedAt,
          last,
        );
        position = Number(info.lastInsertRowid);
      });
      if (multi) this.db.exec('RELEASE append');
      return { nextExpectedRevision: last, position };
    } catch (error) {
      if (multi && this.db.inTransaction) this.db.exec('ROLLBACK TO append; RELEASE append');
      if (isKnownIdError(error)) {
        throw new InvalidAppendError(
          `Stream ${streamName}: some of the event ids were already appended and some are new; ` +
            'an append must repeat an earlier one or be all new',
          'events',
        );
      }
      throw error;
    }
  }

  private answerRepeat(streamName: string, count: number, known: KnownEventRow[]): AppendResult {
    const first = known[0]!;
    if (
      known.length !== count ||
      known.some((row) => row.append_last_revision !== first.append_last_revision)
    ) {
      throw new InvalidAppendError(
        `Stream ${streamName}: ${known.length} of the ${count} event ids were already appended` +
          (known.length === count
            ? ' by different appends'
            : '; an append must repeat an earlier one or be all new'),
        'events',
      );
    }
    // The events of one append are contiguous in revision and in position.
    return {
      nextExpectedRevision: first.append_last_revision,
      position: first.position + (first.append_last_revision - first.revision),
    };
  }

  // ---- reads and live following -------------------------------------------------------------

  private read<T>(operation: () => T): T {
    return retryBusySync(operation, this.settings.lockDeadlineMs);
  }

  /**
   * One page of the log in position order. A prefix filter scans positions in order (through the
   * rowid) and stops at the page's end. A type filter reads each type through the
   * (event_type, position) index, already in position order and bounded by the page size, and
   * merges the arms: sorting every matching row of a large log for each page would make a
   * catch-up quadratic.
   */
  private readAllQuery(
    columns: string,
    backwards: boolean,
    after: number,
    upTo: number,
    maxCount: number,
    eventTypes: readonly string[] | undefined,
    streamPrefixes: readonly string[] | undefined,
  ): { sql: string; parameters: Record<string, unknown> } {
    const types = [...new Set(eventTypes ?? [])];
    const prefixes = streamPrefixes ?? [];
    const sql = readAllSql(columns, backwards, types.length, prefixes.length);
    const parameters: Record<string, unknown> = { after, upTo, maxCount };
    if (types.length > MAX_TYPE_ARMS) parameters.types = JSON.stringify(types);
    else types.forEach((type, index) => (parameters[`type${index}`] = type));
    prefixes.forEach((prefix, index) => {
      parameters[`from${index}`] = prefix;
      parameters[`to${index}`] = prefixUpperBound(prefix);
    });
    return { sql, parameters };
  }

  private readAllStatement(sql: string): Database.Statement<[Record<string, unknown>], EventRow> {
    let statement = this.readAllStatements.get(sql);
    if (statement === undefined) {
      statement = this.db.prepare<[Record<string, unknown>], EventRow>(sql).raw(true);
      this.readAllStatements.set(sql, statement);
    }
    return statement;
  }

  private readSubscriptionPage(
    after: number,
    maxCount: number,
    eventTypes: readonly string[] | undefined,
    streamPrefixes: readonly string[] | undefined,
  ): { events: RecordedEvent[]; scannedTo: number } {
    if (this.closed) return { events: [], scannedTo: after };
    return this.read(() => {
      // The head is read first: every row up to it is already visible to the select that follows.
      const head = this.statements.head.get()?.head ?? 0;
      if (head <= after) return { events: [], scannedTo: after };
      const query = this.readAllQuery(
        EVENT_COLUMNS,
        false,
        after,
        head,
        maxCount,
        eventTypes,
        streamPrefixes,
      );
      const rows = this.readAllStatement(query.sql).all(query.parameters);
      const scannedTo = rows.length === maxCount ? rows[rows.length - 1]![0] : head;
      return { events: rows.map(toRecordedEvent), scannedTo };
    });
  }

  private waitForChange(stop: AbortSignal): Promise<void> {
    if (stop.aborted || this.closed) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const wake = (): void => {
        this.waiters.delete(wake);
        stop.removeEventListener('abort', wake);
        resolve();
      };
      this.waiters.add(wake);
      stop.addEventListener('abort', wake, { once: true });
      this.schedulePoll();
    });
  }

  private wakeAll(): void {
    for (const wake of [...this.waiters]) wake();
  }

  /**
   * Another process's commit changes `PRAGMA data_version` on this connection (our own commits
   * do not, and wake subscribers directly). The timer runs only while someone is waiting.
   */
  private schedulePoll(): void {
    if (this.pollTimer !== undefined) return;
    this.pollTimer = setTimeout(() => {
      this.pollTimer = undefined;
      if (this.closed) return;
      try {
        const version = this.read(() => this.statements.dataVersion.get()?.data_version ?? 0);
        if (version !== this.lastDataVersion) {
          this.lastDataVersion = version;
          this.wakeAll();
        }
      } catch {
        // A failed poll is retried at the next tick; the subscription's own read reports errors.
      }
      if (this.waiters.size > 0) this.schedulePoll();
    }, this.settings.pollIntervalMs);
  }

  private assertOpen(): void {
    if (this.closed) throw new EventStoreUnavailableError('The SQLite event store is closed');
  }
}

function isKnownIdError(error: unknown): boolean {
  const { code, message } = error as { code?: unknown; message?: unknown };
  return code === 'SQLITE_CONSTRAINT_UNIQUE' && typeof message === 'string' && message.includes('event_id');
}

const MAX_TYPE_ARMS = 32;

/** `columns` is what the outermost select answers for each row, from the columns of `events`. */
function readAllSql(columns: string, backwards: boolean, typeCount: number, prefixCount: number): string {
  const order = `ORDER BY position ${backwards ? 'DESC' : 'ASC'} LIMIT @maxCount`;
  const where = [backwards ? 'position < @after' : 'position > @after AND position <= @upTo'];
  // Ranges rather than LIKE: exact about case and about `_` and `%` in names.
  if (prefixCount > 0) {
    const ranges = Array.from(
      { length: prefixCount },
      (_, i) => `(stream_name >= @from${i} AND stream_name < @to${i})`,
    );
    where.push(`(${ranges.join(' OR ')})`);
  }
  if (typeCount > MAX_TYPE_ARMS) {
    // Past a few dozen arms the merge costs more than scanning positions in order and filtering.
    where.push('+event_type IN (SELECT value FROM json_each(@types))');
  }
  if (typeCount === 0 || typeCount > MAX_TYPE_ARMS) {
    return `SELECT ${columns} FROM events WHERE ${where.join(' AND ')} ${order}`;
  }
  const arms = Array.from(
    { length: typeCount },
    (_, i) =>
      `SELECT * FROM (SELECT ${EVENT_COLUMNS} FROM events WHERE event_type = @type${i} AND ${where.join(' AND ')} ${order})`,
  );
  return `SELECT ${columns} FROM (${arms.join(' UNION ALL ')}) ${order}`;
}

/**
 * The smallest string greater than every string starting with `prefix`. Stream names are printable
 * ASCII (see STREAM_NAME_PATTERN), so a prefix with any other character matches nothing: it gets an
 * empty range rather than a bound computed across UTF-16 / UTF-8 ordering differences.
 */
function prefixUpperBound(prefix: string): string {
  if (/[^ -~]/.test(prefix)) return prefix;
  const lastCode = prefix.charCodeAt(prefix.length - 1);
  return prefix.slice(0, -1) + String.fromCharCode(lastCode + 1);
}
