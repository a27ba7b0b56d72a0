import type { ReadDocument, ReadStore } from '@fieldstream/read-store';

/** Every document of the given collections, sorted by id, for whole-read-model comparisons. */
export async function readAllDocuments(
  readStore: ReadStore,
  collections: readonly string[],
): Promise<Record<string, ReadDocument[]>> {
  const all: Record<string, ReadDocument[]> = {};
  for (const name of collections) {
    all[name] = await readStore.collection(name).find({}, { sort: { _id: 1 } });
  }
  return all;
}
