import type { ImportIssue } from './import-types';

// csv-parse ships CommonJS next to ESM; the sync API is all an in-memory file needs.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { parse } = require('csv-parse/sync') as typeof import('csv-parse/sync');

export interface CsvTable {
  header: string[];
  records: { row: number; cells: string[] }[];
}

/**
 * Italian (and German) Excel saves "CSV" with semicolons, since the comma is their decimal mark:
 * whichever of `;`, `,` and tab is most frequent outside quotes on the header line wins.
 */
export function detectDelimiter(text: string): ',' | ';' | '\t' {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && char === '\n') break;
    else if (!quoted && char in counts) counts[char as keyof typeof counts]++;
  }
  if (counts[';'] > counts[','] && counts[';'] >= counts['\t']) return ';';
  if (counts['\t'] > counts[','] && counts['\t'] > counts[';']) return '\t';
  return ',';
}

/** The header and every non-empty record, each with the file line it starts on (header = line 1). */
export function parseCsvTable(input: string): { table: CsvTable } | { issues: ImportIssue[] } {
  // Line endings normalised first: csv-parse counts a lone \r as a line, which would shift numbers.
  const text = input.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (text.trim() === '')
    return { issues: [{ row: 0, field: 'file', code: 'empty', message: 'The file is empty' }] };
  let parsed: { record: string[]; raw: string; info: { lines: number } }[];
  try {
    parsed = parse(text, {
      delimiter: detectDelimiter(text),
      info: true,
      raw: true,
      skip_empty_lines: true,
      bom: true,
    }) as never;
  } catch (error) {
    const { lines, message } = error as { lines?: number; message: string };
    return { issues: [{ row: lines ?? 0, field: 'file', code: 'malformed_csv', message }] };
  }
  const [first, ...rest] = parsed;
  const header = (first?.record ?? []).map((name) => name.trim());
  const issues: ImportIssue[] = [];
  const seen = new Set<string>();
  header.forEach((name, index) => {
    if (name === '')
      issues.push({
        row: 1,
        field: `column ${index + 1}`,
        code: 'missing_header',
        message: 'A column has no name',
      });
    else if (seen.has(name))
      issues.push({
        row: 1,
        field: name,
        code: 'duplicate_column',
        message: `The column ${name} appears twice`,
      });
    seen.add(name);
  });
  if (!seen.has('code'))
    issues.push({ row: 1, field: 'code', code: 'missing_column', message: 'The file needs a code column' });
  if (issues.length > 0) return { issues };
  const records = rest.map(({ record, raw, info }) => {
    const body = raw.replace(/^\n+/, '').replace(/\n$/, '');
    return { row: info.lines - (body.match(/\n/g)?.length ?? 0), cells: record };
  });
  return { table: { header, records } };
}
