import type { ImportResult } from '@fieldstream/application';

/** The per-row error report and the counts, as the CLIs print them. */
export function formatImportReport(result: ImportResult, csv: boolean): string {
  const lines: string[] = [];
  if (result.errors.length > 0) {
    lines.push(`Rejected: ${result.errors.length} problem(s); nothing was written.`);
    for (const error of result.errors) {
      const where = error.row === 0 ? 'file' : `${csv ? 'line' : 'record'} ${error.row}`;
      lines.push(
        `  ${error.kind ? `${error.kind.padEnd(18)} ` : ''}${where.padEnd(12)} ${(error.field || '-').padEnd(24)} ${error.code.padEnd(20)} ${error.message}`,
      );
    }
    return lines.join('\n');
  }
  const verb =
    result.status === 'validated'
      ? 'Valid (dry run, nothing written); would be'
      : result.status === 'failed'
        ? 'FAILED while writing; so far'
        : 'Imported';
  lines.push(
    `${verb}: ${result.created} created, ${result.changed} changed, ${result.unchanged} unchanged of ${result.total}`,
  );
  for (const [kind, counts] of Object.entries(result.perKind)) {
    lines.push(
      `  ${kind.padEnd(18)} ${String(counts.total).padStart(6)} records  ${String(counts.created).padStart(6)} created  ${String(counts.changed).padStart(6)} changed  ${String(counts.unchanged).padStart(6)} unchanged`,
    );
  }
  if (result.failure) lines.push(`  reason: ${result.failure} (re-run the same file to complete it)`);
  if (!result.readModelCurrent)
    lines.push('  note: the read models were still catching up when the import ended');
  lines.push(`  import ${result.importId}, sha256 ${result.sha256}`);
  return lines.join('\n');
}
