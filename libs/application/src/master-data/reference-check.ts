import type { MasterDataKindName, RecordReference } from '@fieldstream/domain';
import { type MasterDataDocument, masterDataCollection } from '@fieldstream/projections';
import type { ReadStore } from '@fieldstream/read-store';
import type { FieldIssue } from '../errors';

/** Codes that will exist once the current batch (an import file) is written. */
export type PendingCodes = ReadonlyMap<MasterDataKindName, ReadonlySet<string>>;

/**
 * Every reference must name an active record, or one the same import is about to write. Lookups
 * are batched per kind, so checking thousands of rows costs a query per kind, not per row.
 */
export async function checkReferences(
  reads: ReadStore,
  references: readonly (RecordReference & { row?: number })[],
  pending: PendingCodes = new Map(),
): Promise<(FieldIssue & { row?: number })[]> {
  const byKind = new Map<MasterDataKindName, Set<string>>();
  for (const reference of references) {
    if (pending.get(reference.kind)?.has(reference.code)) continue;
    byKind.set(reference.kind, (byKind.get(reference.kind) ?? new Set()).add(reference.code));
  }
  const status = new Map<string, 'active' | 'retired'>();
  for (const [kind, codes] of byKind) {
    const list = [...codes];
    for (let start = 0; start < list.length; start += 500) {
      const found = await reads
        .collection<MasterDataDocument>(masterDataCollection(kind))
        .find({ _id: { $in: list.slice(start, start + 500) } }, { projection: { _id: 1, status: 1 } });
      for (const document of found) status.set(`${kind}:${document._id}`, document.status);
    }
  }
  const issues: (FieldIssue & { row?: number })[] = [];
  for (const reference of references) {
    if (pending.get(reference.kind)?.has(reference.code)) continue;
    const found = status.get(`${reference.kind}:${reference.code}`);
    if (found === 'active') continue;
    issues.push({
      field: reference.field,
      code: found === 'retired' ? 'reference_retired' : 'unknown_reference',
      message:
        found === 'retired'
          ? `The ${reference.kind} ${reference.code} is retired`
          : `There is no ${reference.kind} ${reference.code}`,
      ...(reference.row !== undefined ? { row: reference.row } : {}),
    });
  }
  return issues;
}
