import { createHash } from 'node:crypto';
import { MASTER_DATA_KINDS, type MasterDataKind, masterDataKindByPlural } from '@fieldstream/domain';
import { csvRecordFields } from './csv-coercion';
import { parseCsvTable } from './csv-table';
import { IMPORT_LIMITS, type ImportLimits } from './import-limits';
import type { ImportBatch, ImportIssue, ImportRow } from './import-types';

/** What an import is given: a kind's CSV or JSON file, or a multi-kind JSON document. */
export interface ImportInput {
  /** The plural (`sites`) for a one-kind file; absent for a multi-kind JSON document `{ "units": [...], ... }`. */
  kind?: string;
  format: 'csv' | 'json';
  /** The file's text. */
  text?: string;
  /** Or its JSON already parsed (an API body). */
  data?: unknown;
  fileName?: string;
}

export interface ParsedImport {
  batches: ImportBatch[];
  issues: ImportIssue[];
  sha256: string;
  bytes: number;
}

const fileIssue = (code: string, message: string, field = 'file'): ImportIssue => ({
  row: 0,
  field,
  code,
  message,
});

/** Reads the file into batches of rows per kind, in dependency order; no record is judged yet. */
export function parseImportDocument(input: ImportInput, limits: ImportLimits = IMPORT_LIMITS): ParsedImport {
  const text = input.text ?? (input.data === undefined ? '' : JSON.stringify(input.data));
  const bytes = Buffer.byteLength(text, 'utf8');
  const sha256 = createHash('sha256').update(text, 'utf8').digest('hex');
  const done = (batches: ImportBatch[], issues: ImportIssue[] = []): ParsedImport => ({
    batches,
    issues,
    sha256,
    bytes,
  });

  if (bytes > limits.maxBytes) {
    return done(
      [],
      [
        fileIssue(
          'too_large',
          `The file has ${bytes} bytes; at most ${limits.maxBytes} are accepted. Split it.`,
        ),
      ],
    );
  }
  let kind: MasterDataKind | undefined;
  if (input.kind !== undefined) {
    kind = masterDataKindByPlural(input.kind);
    if (!kind)
      return done([], [fileIssue('unknown_kind', `There is no master-data kind ${input.kind}`, 'kind')]);
  }
  let batches: ImportBatch[];
  if (input.format === 'csv') {
    if (!kind) return done([], [fileIssue('kind_required', 'A CSV file holds one kind: say which', 'kind')]);
    const parsed = parseCsvTable(text);
    if ('issues' in parsed) return done([], parsed.issues);
    const csvKind = kind;
    batches = [
      {
        kind: csvKind.name,
        rows: parsed.table.records.map(({ row, cells }) => ({
          row,
          ...csvRecordFields(csvKind, parsed.table.header, cells),
        })),
      },
    ];
  } else {
    let data = input.data;
    if (input.text !== undefined) {
      try {
        data = JSON.parse(input.text.replace(/^\uFEFF/, '')) as unknown;
      } catch (error) {
        return done([], [fileIssue('malformed_json', `Not JSON: ${(error as Error).message}`)]);
      }
    }
    const read = kind ? oneKindJson(kind, data) : multiKindJson(data);
    if ('issues' in read) return done([], read.issues);
    batches = read.batches;
  }
  const rows = batches.reduce((sum, batch) => sum + batch.rows.length, 0);
  if (rows > limits.maxRows) {
    return done(
      [],
      [
        fileIssue(
          'too_many_rows',
          `The file has ${rows} records; at most ${limits.maxRows} are accepted. Split it.`,
        ),
      ],
    );
  }
  if (rows === 0) return done([], [fileIssue('empty', 'The file holds no records')]);
  return done(batches);
}

function oneKindJson(
  kind: MasterDataKind,
  data: unknown,
): { batches: ImportBatch[] } | { issues: ImportIssue[] } {
  // `{ "sites": [...] }` is accepted for a sites import too: it is what an export of one kind looks like.
  const array = Array.isArray(data)
    ? data
    : isObject(data) && Object.keys(data).length === 1
      ? data[kind.plural]
      : undefined;
  if (!Array.isArray(array))
    return {
      issues: [
        fileIssue('not_an_array', `Expected an array of ${kind.plural}, each { "code": ..., fields }`),
      ],
    };
  return rowsOf(kind, array);
}

function multiKindJson(data: unknown): { batches: ImportBatch[] } | { issues: ImportIssue[] } {
  if (!isObject(data))
    return {
      issues: [fileIssue('not_an_object', 'Expected a document { "units": [...], "sites": [...], ... }')],
    };
  const issues: ImportIssue[] = [];
  for (const key of Object.keys(data)) {
    if (!masterDataKindByPlural(key))
      issues.push(fileIssue('unknown_kind', `There is no master-data kind ${key}`, key));
  }
  const batches: ImportBatch[] = [];
  // Written in dependency order whatever the document's key order, so references resolve.
  for (const kind of MASTER_DATA_KINDS) {
    if (!(kind.plural in data)) continue;
    const value = data[kind.plural];
    if (!Array.isArray(value)) {
      issues.push(fileIssue('not_an_array', `${kind.plural} must be an array`, kind.plural));
      continue;
    }
    const read = rowsOf(kind, value);
    if ('issues' in read) issues.push(...read.issues);
    else batches.push(...read.batches);
  }
  return issues.length > 0 ? { issues } : { batches };
}

function rowsOf(
  kind: MasterDataKind,
  array: unknown[],
): { batches: ImportBatch[] } | { issues: ImportIssue[] } {
  const rows: ImportRow[] = [];
  const issues: ImportIssue[] = [];
  array.forEach((entry, index) => {
    if (!isObject(entry)) {
      issues.push({
        row: index + 1,
        field: '',
        code: 'not_an_object',
        message: 'Each record is an object { "code": ..., fields }',
        kind: kind.name,
      });
      return;
    }
    const { code, ...fields } = entry;
    rows.push({ row: index + 1, code, fields });
  });
  return issues.length > 0 ? { issues } : { batches: rows.length > 0 ? [{ kind: kind.name, rows }] : [] };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
