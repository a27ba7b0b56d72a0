import type { MasterDataKindName } from '@fieldstream/domain';
import { type MasterDataDocument, masterDataCollection } from '@fieldstream/projections';
import type { ReadStore } from '@fieldstream/read-store';

/** Code → name of the records of one kind. */
export type NameIndex = ReadonlyMap<string, string>;

/**
 * The names of the given records, in one read per kind whatever the number of codes: a page of
 * fifty requests costs four small reads, not two hundred. Names belong to the request the reader
 * may already see, so no scope applies here (a customer sees who is coming to fix their boiler).
 */
export async function namesOf(
  reads: ReadStore,
  kind: MasterDataKindName,
  codes: Iterable<string | undefined>,
): Promise<NameIndex> {
  const unique = [...new Set([...codes].filter((code): code is string => typeof code === 'string'))];
  if (unique.length === 0) return new Map();
  const documents = await reads
    .collection<MasterDataDocument>(masterDataCollection(kind))
    .find({ _id: { $in: unique } }, { projection: { _id: 1, 'record.name': 1 } });
  const names = new Map<string, string>();
  for (const document of documents) {
    const name = document.record?.['name'];
    if (typeof name === 'string') names.set(document._id, name);
  }
  return names;
}

/** Whole records of one kind by code, in one read (for sheets and agendas). */
export async function recordsOf(
  reads: ReadStore,
  kind: MasterDataKindName,
  codes: Iterable<string | undefined>,
): Promise<ReadonlyMap<string, MasterDataDocument>> {
  const unique = [...new Set([...codes].filter((code): code is string => typeof code === 'string'))];
  if (unique.length === 0) return new Map();
  const documents = await reads
    .collection<MasterDataDocument>(masterDataCollection(kind))
    .find({ _id: { $in: unique } }, { projection: { searchTerms: 0 } });
  return new Map(documents.map((document) => [document._id, document]));
}

/** One record read as its kind's type: the read side trusts what the master-data writes validated. */
export async function recordOf<R>(
  reads: ReadStore,
  kind: MasterDataKindName,
  code: string,
): Promise<(MasterDataDocument & { record: R }) | null> {
  const document = await reads.collection<MasterDataDocument>(masterDataCollection(kind)).get(code);
  return document as (MasterDataDocument & { record: R }) | null;
}
