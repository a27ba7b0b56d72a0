import { randomUUID } from 'node:crypto';
import {
  type MasterDataKind,
  type MasterDataKindName,
  type Principal,
  type VisibleScope,
  canonicalJson,
  isInScope,
  masterDataAccess,
  masterDataDecider,
  masterDataKind,
  masterDataKindByPlural,
} from '@fieldstream/domain';
import type { EventStore, JsonObject } from '@fieldstream/event-store';
import {
  type MasterDataDocument,
  masterDataCollection,
  masterDataProjection,
} from '@fieldstream/projections';
import type { ReadStore } from '@fieldstream/read-store';
import { visibleScope } from '../access/visible-scope';
import type { CommandContext } from '../commands/command-context';
import { executeCommand } from '../commands/execute-command';
import { masterDataStreamName } from '../commands/stream-names';
import { waitForProjection } from '../commands/wait-for-projection';
import { ForbiddenError } from '../errors';
import type { MasterDataService } from '../master-data/master-data.service';
import { zoneAreaOf, zoneAreas } from '../master-data/site-zone';
import { type ImportInput, parseImportDocument } from './import-document';
import { recordImportEvent } from './import-events';
import { IMPORT_LIMITS, type ImportLimits } from './import-limits';
import type { ImportCounts, ImportIssue, ImportProgress, ImportResult, ImportStatus } from './import-types';
import { runBounded } from './run-bounded';

export interface ImportServiceOptions {
  events: EventStore;
  reads: ReadStore;
  masterData: MasterDataService;
  /** How long a finished import waits for the master-data read model (default 60 s). */
  projectionWaitMs?: number;
  limits?: ImportLimits;
}

export interface RunImportOptions {
  /** Chosen by the caller when it must name the import before it ends (the API answers it at once). */
  importId?: string;
  /** Validate only: nothing is written, not even the import's own events. */
  dryRun?: boolean;
  onProgress?: (progress: ImportProgress) => void;
}

/** A row that passed every check, ready to be written. */
interface CheckedRow {
  kind: MasterDataKindName;
  row: number;
  code: string;
  record: Record<string, unknown>;
  expected: 'created' | 'changed' | 'unchanged';
}

const PROGRESS_EVERY = 50;

/**
 * Bulk import of master data: every row of the file is checked (schema, references, cross-record
 * rules, duplicates, the caller's rights and scope) before anything is written; one bad row and
 * nothing is. Rows are then upserted one stream each, so re-running the same file changes nothing.
 */
export class ImportService {
  private readonly limits: ImportLimits;

  constructor(private readonly options: ImportServiceOptions) {
    this.limits = options.limits ?? IMPORT_LIMITS;
  }

  /** Refuses up front a caller who may write none of these kinds (plurals), before a file is accepted. */
  assertMayImport(principal: Principal, plurals: readonly string[]): void {
    for (const plural of plurals) {
      const kind = masterDataKindByPlural(plural);
      if (kind && masterDataAccess(principal, kind.name, 'write') === 'none') {
        throw new ForbiddenError(`A ${principal.role} may not import ${kind.plural}`);
      }
    }
  }

  async run(
    context: CommandContext,
    input: ImportInput,
    options: RunImportOptions = {},
  ): Promise<ImportResult> {
    const importId = options.importId ?? randomUUID();
    const startedAt = new Date().toISOString();
    const dryRun = options.dryRun ?? false;
    const progress = options.onProgress ?? (() => {});
    // Every event of the import carries its id: one correlation for "what did this file do".
    const writeContext: CommandContext = {
      actor: context.actor,
      at: context.at,
      correlationId: importId,
      causationId: context.correlationId,
      extra: { ...context.extra, importId },
    };

    progress({ phase: 'parsing', done: 0, total: 1 });
    const parsed = parseImportDocument(input, this.limits);
    const kinds = parsed.batches.map((batch) => batch.kind);
    const total = parsed.batches.reduce((sum, batch) => sum + batch.rows.length, 0);
    progress({ phase: 'parsing', done: 1, total: 1 });
    const result = (status: ImportStatus, fields: Partial<ImportResult>): ImportResult => ({
      importId,
      kinds,
      status,
      dryRun,
      total,
      created: 0,
      changed: 0,
      unchanged: 0,
      perKind: {},
      errors: [],
      sha256: parsed.sha256,
      ...(input.fileName ? { fileName: input.fileName } : {}),
      startedAt,
      finishedAt: new Date().toISOString(),
      readModelCurrent: true,
      ...fields,
    });

    let revision = 0;
    const record = async (type: Parameters<typeof recordImportEvent>[3], data: JsonObject) => {
      if (!dryRun)
        revision = await recordImportEvent(this.options.events, importId, revision, type, data, writeContext);
    };
    await record('ImportStarted', {
      kinds: input.kind ? [input.kind] : kinds,
      format: input.format,
      ...(input.fileName ? { fileName: input.fileName } : {}),
      sha256: parsed.sha256,
      bytes: parsed.bytes,
      rows: total,
    });
    const reject = async (errors: ImportIssue[]) => {
      const kept = errors.slice(0, this.limits.maxIssues);
      await record('ImportRejected', { errorCount: errors.length, errors: kept as unknown as JsonObject[] });
      progress({ phase: 'done', done: total, total });
      return result('rejected', { errors: kept });
    };
    if (parsed.issues.length > 0) return reject(parsed.issues);

    const forbidden = kinds
      .filter((kind) => masterDataAccess(context.actor, kind, 'write') === 'none')
      .map((kind) => ({
        row: 0,
        field: 'kind',
        code: 'forbidden',
        message: `A ${context.actor.role} may not import ${masterDataKind(kind).plural}`,
        kind,
      }));
    if (forbidden.length > 0) return reject(forbidden);

    const checked = await this.validateAll(context.actor, parsed.batches, total, progress);
    if ('errors' in checked) return reject(checked.errors);
    const perKind = countsByKind(checked.rows);
    if (dryRun) {
      progress({ phase: 'done', done: total, total });
      return result('validated', { ...sumCounts(perKind), perKind });
    }

    const outcome = await this.writeAll(checked.rows, writeContext, progress);
    const counts = sumCounts(outcome.perKind);
    if (outcome.failure) {
      await record('ImportFailed', { ...counts, reason: outcome.failure });
      progress({ phase: 'done', done: total, total });
      return result('failed', { ...counts, perKind: outcome.perKind, failure: outcome.failure });
    }
    const current = await waitForProjection(
      this.options.reads,
      masterDataProjection.name,
      outcome.lastPosition,
      this.options.projectionWaitMs ?? 60_000,
    );
    await record('ImportCompleted', { ...counts, perKind: outcome.perKind as unknown as JsonObject });
    progress({ phase: 'done', done: total, total });
    return result('committed', { ...counts, perKind: outcome.perKind, readModelCurrent: current });
  }

  private async validateAll(
    principal: Principal,
    batches: ReturnType<typeof parseImportDocument>['batches'],
    total: number,
    progress: (progress: ImportProgress) => void,
  ): Promise<{ rows: CheckedRow[] } | { errors: ImportIssue[] }> {
    // Codes anywhere in the document count as existing: references within the file resolve, and
    // back-references (a unit's managers, listed later among technicians) too.
    const pending = new Map<MasterDataKindName, Set<string>>();
    for (const batch of batches) {
      pending.set(
        batch.kind,
        new Set(
          batch.rows
            .map((row) => row.code)
            .filter((code): code is string => typeof code === 'string')
            .map((code) => code.trim()),
        ),
      );
    }
    const pendingRecords = new Map<string, Record<string, unknown>>();
    const lookup = this.options.masterData.lookup(pendingRecords);
    const scoped = batches.some((batch) => masterDataAccess(principal, batch.kind, 'write') === 'scoped');
    const visible = scoped ? mutableScope(await visibleScope(this.options.reads, principal)) : undefined;

    const errors: ImportIssue[] = [];
    const rows: CheckedRow[] = [];
    let done = 0;
    for (const batch of batches) {
      const kind = masterDataKind(batch.kind);
      const access = masterDataAccess(principal, kind.name, 'write');
      // Sites without a zone resolve against the stored zones plus the file's own, read once per file.
      const zones =
        kind.name === 'site'
          ? await zoneAreas(
              this.options.reads,
              [...pendingRecords]
                .filter(([key]) => key.startsWith('zone:'))
                .map(([key, record]) => zoneAreaOf(key.slice(5), record)),
            )
          : undefined;
      const existing = await this.existing(
        kind,
        batch.rows.map((row) => row.code),
      );
      const firstRow = new Map<string, number>();
      for (const row of batch.rows) {
        if (errors.length >= this.limits.maxIssues) break;
        const issue = (field: string, code: string, message: string) =>
          errors.push({ row: row.row, field, code, message, kind: kind.name });
        const outcome = await this.options.masterData.validate(
          kind,
          row.code,
          row.fields,
          lookup,
          pending,
          zones,
        );
        done++;
        if (done % PROGRESS_EVERY === 0) progress({ phase: 'validating', done, total, kind: kind.name });
        if ('issues' in outcome) {
          for (const found of outcome.issues) issue(found.field, found.code, found.message);
          continue;
        }
        const { code, record } = outcome;
        const earlier = firstRow.get(code);
        if (earlier !== undefined) {
          issue('code', 'duplicate', `The code ${code} already appears at ${earlier}`);
          continue;
        }
        firstRow.set(code, row.row);
        const before = existing.get(code);
        if (before?.status === 'retired') {
          issue(
            'code',
            'retired',
            `The ${kind.name} ${code} is retired; reinstate it before importing it again`,
          );
          continue;
        }
        if (access === 'scoped' && visible) {
          if (before && !isInScope(principal, before.scope, visible)) {
            issue('code', 'out_of_scope', `You may not change the ${kind.name} ${code}`);
            continue;
          }
          if (!isInScope(principal, kind.scope(record as never, code), visible)) {
            issue('code', 'out_of_scope', `This ${kind.name} would lie outside your scope`);
            continue;
          }
          widenScope(visible, kind.name, code, record);
        }
        pendingRecords.set(`${kind.name}:${code}`, record);
        const expected = !before
          ? 'created'
          : canonicalJson(before.record) === canonicalJson(record)
            ? 'unchanged'
            : 'changed';
        rows.push({ kind: kind.name, row: row.row, code, record, expected });
      }
    }
    progress({ phase: 'validating', done: total, total });
    return errors.length > 0 ? { errors } : { rows };
  }

  /** The current read-model documents of the codes, in pages: one query per 500 rows, not per row. */
  private async existing(kind: MasterDataKind, codes: unknown[]): Promise<Map<string, MasterDataDocument>> {
    const list = [
      ...new Set(codes.filter((code): code is string => typeof code === 'string').map((code) => code.trim())),
    ];
    const found = new Map<string, MasterDataDocument>();
    const collection = this.options.reads.collection<MasterDataDocument>(masterDataCollection(kind.name));
    for (let start = 0; start < list.length; start += 500) {
      const page = await collection.find(
        { _id: { $in: list.slice(start, start + 500) } },
        { projection: { searchTerms: 0 } },
      );
      for (const document of page) found.set(document._id, document);
    }
    return found;
  }

  private async writeAll(
    rows: CheckedRow[],
    context: CommandContext,
    progress: (progress: ImportProgress) => void,
  ): Promise<{
    perKind: Partial<Record<MasterDataKindName, ImportCounts>>;
    lastPosition?: number;
    failure?: string;
  }> {
    const perKind: Partial<Record<MasterDataKindName, ImportCounts>> = {};
    let lastPosition: number | undefined;
    let done = 0;
    const total = rows.length;
    progress({ phase: 'writing', done, total });
    // Kinds one after the other, in the document's dependency order; rows of a kind side by side.
    const kinds = [...new Set(rows.map((row) => row.kind))];
    try {
      for (const kind of kinds) {
        const counts = (perKind[kind] = { total: 0, created: 0, changed: 0, unchanged: 0 });
        const decider = masterDataDecider(kind);
        await runBounded(
          rows.filter((row) => row.kind === kind),
          this.limits.writeParallelism,
          async (row) => {
            const outcome = await executeCommand(
              this.options.events,
              masterDataStreamName(kind, row.code),
              decider,
              { type: 'upsert', code: row.code, record: row.record },
              context,
            );
            counts.total++;
            if (outcome.events.length === 0) counts.unchanged++;
            else if (outcome.events.some((event) => event.type.endsWith('Registered'))) counts.created++;
            else counts.changed++;
            if (outcome.position !== undefined) lastPosition = Math.max(lastPosition ?? 0, outcome.position);
            done++;
            if (done % PROGRESS_EVERY === 0 || done === total)
              progress({ phase: 'writing', done, total, kind });
          },
        );
      }
    } catch (error) {
      return {
        perKind,
        ...(lastPosition === undefined ? {} : { lastPosition }),
        failure: error instanceof Error ? error.message : String(error),
      };
    }
    return { perKind, ...(lastPosition === undefined ? {} : { lastPosition }) };
  }
}

type MutableScope = { unrestricted: boolean } & {
  [K in Exclude<keyof VisibleScope, 'unrestricted'>]: Set<string>;
};

function mutableScope(scope: VisibleScope): MutableScope {
  return {
    unrestricted: scope.unrestricted,
    units: new Set(scope.units),
    zones: new Set(scope.zones),
    sites: new Set(scope.sites),
    customers: new Set(scope.customers),
    technicians: new Set(scope.technicians),
  };
}

/** A site written by this import brings its code (and customer) into reach for the assets after it. */
function widenScope(
  scope: MutableScope,
  kind: MasterDataKindName,
  code: string,
  record: Record<string, unknown>,
): void {
  if (kind === 'site') {
    scope.sites.add(code);
    if (typeof record['customerCode'] === 'string') scope.customers.add(record['customerCode']);
  }
}

function countsByKind(rows: CheckedRow[]): Partial<Record<MasterDataKindName, ImportCounts>> {
  const perKind: Partial<Record<MasterDataKindName, ImportCounts>> = {};
  for (const row of rows) {
    const counts = (perKind[row.kind] ??= { total: 0, created: 0, changed: 0, unchanged: 0 });
    counts.total++;
    counts[row.expected]++;
  }
  return perKind;
}

function sumCounts(perKind: Partial<Record<MasterDataKindName, ImportCounts>>): ImportCounts {
  const sum = { total: 0, created: 0, changed: 0, unchanged: 0 };
  for (const counts of Object.values(perKind)) {
    sum.total += counts.total;
    sum.created += counts.created;
    sum.changed += counts.changed;
    sum.unchanged += counts.unchanged;
  }
  return sum;
}
