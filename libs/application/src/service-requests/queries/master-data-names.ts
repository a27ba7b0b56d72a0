import type { MasterDataKindName } from '@fieldstream/domain';
import {
  type MasterDataDocument,
  masterDataCollection,
  masterDataProjection,
} from '@fieldstream/projections';
import type { ReadStore } from '@fieldstream/read-store';
import { findInBatches } from '../../read-models/find-in-batches';

/** Code → name of the records of one kind. */
export type NameIndex = ReadonlyMap<string, string>;

/**
 * Names already read, per read store, for as long as the master-data projection's checkpoint stays
 * where it was: every answer to a command and every page of the to-do list shows the same few
 * hundred customers, sites and technicians, and their names change only with master data.
 */
const nameCaches = new WeakMap<ReadStore, { checkpoint: number | null; names: Map<string, string | null> }>();

async function nameCacheOf(reads: ReadStore): Promise<Map<string, string | null>> {
  const checkpoint = await reads.getCheckpoint(masterDataProjection.name);
  // No projection writes these collections here (a store filled by hand): nothing says when they change.
  if (checkpoint === null) return new Map();
  const cached = nameCaches.get(reads);
  if (cached && cached.checkpoint === checkpoint) return cached.names;
  // A name read after this checkpoint but before the next is never older than the checkpoint.
  const fresh = { checkpoint, names: new Map<string, string | null>() };
  nameCaches.set(reads, fresh);
  return fresh.names;
}

/**
 * The names of the given records, in at most one read per kind whatever the number of codes (a
 * page of fifty requests costs four small reads, not two hundred), and none for names read since
 * master data last changed. Names belong to the request the reader may already see, so no scope
 * applies here (a customer sees who is coming to fix their boiler).
 */
export async function namesOf(
  reads: ReadStore,
  kind: MasterDataKindName,
  codes: Iterable<string | undefined>,
): Promise<NameIndex> {
  const unique = [...new Set([...codes].filter((code): code is string => typeof code === 'string'))];
  if (unique.length === 0) return new Map();
  const cache = await nameCacheOf(reads);
  const key = (code: string) => `${kind}:${code}`;
  const missing = unique.filter((code) => !cache.has(key(code)));
  if (missing.length > 0) {
    const documents = await findInBatches(
      reads.collection<MasterDataDocument>(masterDataCollection(kind)),
      '_id',
      missing,
      {},
      { projection: { _id: 1, 'record.name': 1 } },
    );
    for (const code of missing) cache.set(key(code), null);
    for (const document of documents) {
      const name = document.record?.['name'];
      if (typeof name === 'string') cache.set(key(document._id), name);
    }
  }
  const names = new Map<string, string>();
  for (const code of unique) {
    const name = cache.get(key(code));
    if (typeof name === 'string') names.set(code, name);
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
  const documents = await findInBatches(
    reads.collection<MasterDataDocument>(masterDataCollection(kind)),
    '_id',
    unique,
    {},
    { projection: { searchTerms: 0 } },
  );
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
