import {
  type Access,
  isInScope,
  MASTER_DATA_KINDS,
  type MasterDataCommand,
  type MasterDataKind,
  type MasterDataKindName,
  type Principal,
  code as codeSchema,
  masterDataAccess,
  masterDataDecider,
  masterDataKindByPlural,
} from '@fieldstream/domain';
import type { EventStore } from '@fieldstream/event-store';
import {
  type MasterDataDocument,
  masterDataCollection,
  masterDataProjection,
  queryTerms,
} from '@fieldstream/projections';
import type { Filter, ReadStore } from '@fieldstream/read-store';
import { ZodError } from 'zod';
import { scopeListFilter } from '../access/scope-filter';
import { visibleScope } from '../access/visible-scope';
import type { CommandContext } from '../commands/command-context';
import { executeCommand, loadStream } from '../commands/execute-command';
import { masterDataStreamName } from '../commands/stream-names';
import { waitForProjection } from '../commands/wait-for-projection';
import { FieldValidationError, ForbiddenError, NotFoundError } from '../errors';
import { type RecordLookup, crossRecordIssues } from './cross-record-rules';
import { checkReferences } from './reference-check';
import { withResolvedZone, zoneAreas } from './site-zone';
import { type ZoneArea, validateZoneGeometry } from '@fieldstream/domain';

export interface MasterDataServiceOptions {
  events: EventStore;
  reads: ReadStore;
  /** How long a write waits for the read model before answering from the event alone. */
  projectionWaitMs?: number;
}

export interface ListQuery {
  q?: string;
  status?: 'active' | 'retired' | 'all';
  limit?: number;
  offset?: number;
  /** Equality on record fields (`customerCode=ACME`). */
  where?: Record<string, string>;
}

export interface HistoryEntry {
  version: number;
  type: string;
  at: string;
  recordedAt: string;
  actorId: string;
  actorName: string;
  actorRole: string;
  correlationId: string;
  changedFields: string[];
  data: unknown;
}

export type WriteAction = 'register' | 'change' | 'upsert' | 'retire' | 'reinstate';

export interface WriteResult {
  document: MasterDataDocument | null;
  version: number;
  changed: boolean;
  created: boolean;
  /** False when the read model had not caught up in time (the write stands). */
  readModelCurrent: boolean;
}

/** Master data's use cases: every kind is listed, read, written, retired and audited the same way. */
export class MasterDataService {
  private readonly waitMs: number;

  constructor(private readonly options: MasterDataServiceOptions) {
    this.waitMs = options.projectionWaitMs ?? 5_000;
  }

  kindOf(plural: string): MasterDataKind {
    const kind = masterDataKindByPlural(plural);
    if (!kind)
      throw new NotFoundError(`There is no master-data kind ${plural}`, {
        kind: 'master-data-kind',
        id: plural,
      });
    return kind;
  }

  /** The kinds and what the principal may do with each (drives the desk's navigation). */
  kinds(
    principal: Principal,
  ): { kind: MasterDataKindName; plural: string; read: Access; write: Access; columns: readonly string[] }[] {
    return MASTER_DATA_KINDS.map((kind) => ({
      kind: kind.name,
      plural: kind.plural,
      read: masterDataAccess(principal, kind.name, 'read'),
      write: masterDataAccess(principal, kind.name, 'write'),
      columns: kind.columns,
    }));
  }

  async list(
    principal: Principal,
    plural: string,
    query: ListQuery = {},
  ): Promise<{ items: MasterDataDocument[]; total: number }> {
    const kind = this.kindOf(plural);
    const filter = await this.readFilter(principal, kind);
    const conditions: Filter[] = filter ? [filter] : [];
    const status = query.status ?? 'active';
    if (status !== 'all') conditions.push({ status });
    for (const term of queryTerms(query.q ?? '')) conditions.push({ searchTerms: term });
    for (const [field, value] of Object.entries(query.where ?? {})) {
      if (!/^[A-Za-z][A-Za-z0-9.]{0,80}$/.test(field)) {
        throw new FieldValidationError('Bad filter', [
          { field, code: 'invalid_filter', message: 'Not a field name' },
        ]);
      }
      conditions.push({ [`record.${field}`]: value });
    }
    const where: Filter =
      conditions.length === 0 ? {} : conditions.length === 1 ? conditions[0]! : { $and: conditions };
    const collection = this.options.reads.collection<MasterDataDocument>(masterDataCollection(kind.name));
    const limit = Math.min(Math.max(query.limit ?? 50, 1), 1000);
    const [items, total] = await Promise.all([
      collection.find(where, {
        sort: { _id: 1 },
        skip: Math.max(query.offset ?? 0, 0),
        limit,
        projection: { searchTerms: 0 },
      }),
      collection.count(where),
    ]);
    return { items, total };
  }

  async get(principal: Principal, plural: string, code: string): Promise<MasterDataDocument> {
    const kind = this.kindOf(plural);
    const document = await this.findVisible(principal, kind, code);
    if (!document) throw this.notFound(kind, code);
    return document;
  }

  /** The record's whole stream with who did what and when: the audit trail. */
  async history(principal: Principal, plural: string, code: string): Promise<HistoryEntry[]> {
    const kind = this.kindOf(plural);
    if (!(await this.findVisible(principal, kind, code))) throw this.notFound(kind, code);
    const entries: HistoryEntry[] = [];
    const stream = masterDataStreamName(kind.name, code);
    for (let from = 0; ; from += 500) {
      const page = await this.options.events.readStream(stream, { fromRevision: from, maxCount: 500 });
      for (const event of page) {
        const data = event.data as { changedFields?: string[] };
        entries.push({
          version: event.revision + 1,
          type: event.type,
          at: event.metadata.occurredAt,
          recordedAt: event.recordedAt,
          actorId: event.metadata.actorId,
          actorName: String(event.metadata['actorName'] ?? event.metadata.actorId),
          actorRole: event.metadata.actorRole,
          correlationId: event.metadata.correlationId,
          changedFields: data.changedFields ?? [],
          data: event.data,
        });
      }
      if (page.length < 500) return entries;
    }
  }

  /**
   * Parses and checks a record as a write would, without writing: the schema, references and
   * cross-record rules. Used by writes and, row by row, by imports.
   */
  async validate(
    kind: MasterDataKind,
    code: unknown,
    fields: unknown,
    lookup: RecordLookup,
    pending?: Map<MasterDataKindName, Set<string>>,
    /** Territory to resolve sites against; by default the active zones (an import adds its own). */
    zones?: readonly ZoneArea[],
  ): Promise<
    | { code: string; record: Record<string, unknown> }
    | { issues: { field: string; code: string; message: string }[] }
  > {
    const issues: { field: string; code: string; message: string }[] = [];
    const parsedCode = codeSchema.safeParse(code);
    if (!parsedCode.success) issues.push(...zodIssues(parsedCode.error, ['code']));
    const parsed = kind.schema.safeParse(fields);
    if (!parsed.success) issues.push(...zodIssues(parsed.error));
    if (issues.length > 0 || !parsed.success || !parsedCode.success) return { issues };
    let record = parsed.data as Record<string, unknown>;
    if (kind.name === 'site') {
      const resolved = withResolvedZone(record, zones ?? (await zoneAreas(this.options.reads)));
      record = resolved.record;
      issues.push(...resolved.issues);
    }
    if (kind.name === 'zone' && record['geometry']) {
      issues.push(
        ...validateZoneGeometry(record['geometry']).map((problem) => ({
          ...problem,
          code: 'invalid_geometry',
        })),
      );
    }
    issues.push(...(await checkReferences(this.options.reads, kind.references(record as never), pending)));
    issues.push(...(await crossRecordIssues(kind.name, parsedCode.data, record, lookup)));
    return issues.length > 0 ? { issues } : { code: parsedCode.data, record };
  }

  async write(
    context: CommandContext,
    plural: string,
    action: WriteAction,
    code: string,
    body: unknown,
    options: { expectedVersion?: number } = {},
  ): Promise<WriteResult> {
    const kind = this.kindOf(plural);
    const principal = context.actor;
    const access = masterDataAccess(principal, kind.name, 'write');
    if (access === 'none') throw new ForbiddenError(`A ${principal.role} may not change ${kind.plural}`);
    const existing = await this.options.reads
      .collection<MasterDataDocument>(masterDataCollection(kind.name))
      .get(code);
    const visible = access === 'scoped' ? await visibleScope(this.options.reads, principal) : undefined;
    if (existing && visible && !isInScope(principal, existing.scope, visible))
      throw this.notFound(kind, code);

    let command: MasterDataCommand;
    if (action === 'retire' || action === 'reinstate') {
      const reason =
        typeof (body as { reason?: unknown })?.reason === 'string'
          ? (body as { reason: string }).reason.trim()
          : '';
      if (action === 'retire' && reason.length === 0) {
        throw new FieldValidationError('Say why the record is retired', [
          { field: 'reason', code: 'required', message: 'Required' },
        ]);
      }
      command = action === 'retire' ? { type: 'retire', code, reason } : { type: 'reinstate', code };
    } else {
      const checked = await this.validate(kind, code, body, this.lookup());
      if ('issues' in checked)
        throw new FieldValidationError(`The ${kind.name} has invalid fields; see errors`, checked.issues);
      if (visible && !isInScope(principal, kind.scope(checked.record as never, checked.code), visible)) {
        throw new ForbiddenError(`This ${kind.name} would lie outside your scope`);
      }
      command = { type: action, code: checked.code, record: checked.record };
    }
    const outcome = await executeCommand(
      this.options.events,
      masterDataStreamName(kind.name, code),
      masterDataDecider(kind.name),
      command,
      context,
      options,
    );
    const current = await waitForProjection(
      this.options.reads,
      masterDataProjection.name,
      outcome.position,
      this.waitMs,
    );
    const document = await this.options.reads
      .collection<MasterDataDocument>(masterDataCollection(kind.name))
      .get(code);
    return {
      document,
      version: outcome.version,
      changed: outcome.events.length > 0,
      created: outcome.events.some((event) => event.type.endsWith('Registered')),
      readModelCurrent: current,
    };
  }

  /** Folds the record's stream: the truth, for callers that cannot wait for the read model. */
  async current(kind: MasterDataKindName, code: string) {
    return loadStream(this.options.events, masterDataStreamName(kind, code), masterDataDecider(kind));
  }

  /**
   * Reads records for the cross-record rules: those an import is about to write first, then the
   * read model, each stored record read once per lookup (thousands of imported assets share a
   * few hundred sites).
   */
  lookup(pendingRecords?: Map<string, Record<string, unknown>>): RecordLookup {
    const stored = new Map<string, Promise<Record<string, unknown> | undefined>>();
    return async (kind, code) => {
      const key = `${kind}:${code}`;
      const pending = pendingRecords?.get(key);
      if (pending) return pending;
      let record = stored.get(key);
      if (!record) {
        record = this.options.reads
          .collection<MasterDataDocument>(masterDataCollection(kind))
          .get(code)
          .then((document) => document?.record as Record<string, unknown> | undefined);
        stored.set(key, record);
      }
      return record;
    };
  }

  private async readFilter(principal: Principal, kind: MasterDataKind): Promise<Filter | undefined> {
    const access = masterDataAccess(principal, kind.name, 'read');
    if (access === 'none') throw new ForbiddenError(`A ${principal.role} may not read ${kind.plural}`);
    if (access === 'all') return undefined;
    return scopeListFilter(principal, await visibleScope(this.options.reads, principal));
  }

  private async findVisible(
    principal: Principal,
    kind: MasterDataKind,
    code: string,
  ): Promise<MasterDataDocument | null> {
    const access = masterDataAccess(principal, kind.name, 'read');
    if (access === 'none') throw new ForbiddenError(`A ${principal.role} may not read ${kind.plural}`);
    const document = await this.options.reads
      .collection<MasterDataDocument>(masterDataCollection(kind.name))
      .findOne({ _id: code }, { projection: { searchTerms: 0 } });
    if (!document) return null;
    if (access === 'all') return document;
    return isInScope(principal, document.scope, await visibleScope(this.options.reads, principal))
      ? document
      : null;
  }

  private notFound(kind: MasterDataKind, code: string): NotFoundError {
    return new NotFoundError(`There is no ${kind.name} ${code}`, { kind: kind.name, id: code });
  }
}

function zodIssues(error: ZodError, prefix: string[] = []) {
  return error.issues.map((issue) => ({
    field: [...prefix, ...issue.path.map(String)].join('.') || prefix.join('.'),
    code: issue.code,
    message: issue.message,
  }));
}
