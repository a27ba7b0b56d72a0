import type { RecordedEvent } from '@fieldstream/event-store';
import type { ReadDocument } from '@fieldstream/read-store';
import type { ProjectionDefinition } from './projection-definition';

/** Collection name → document id → document. */
export type ProjectedDocuments = Map<string, Map<string, ReadDocument>>;

/**
 * Applies events to a projection entirely in memory, with the same rules the runner enforces
 * (declared reads only, put/delete only). For given-events / then-documents specifications of
 * projections, with no store involved.
 */
export function foldProjection<E extends RecordedEvent, C extends string>(
  projection: ProjectionDefinition<E, C>,
  events: readonly E[],
  initial: ProjectedDocuments = new Map(),
): ProjectedDocuments {
  const documents: ProjectedDocuments = new Map([...initial].map(([name, docs]) => [name, new Map(docs)]));
  for (const event of events) {
    const declared = new Set(projection.documentsFor(event).map((ref) => `${ref.collection}/${ref.id}`));
    const writes = projection.apply(event, {
      get: <T extends ReadDocument>(collection: string, id: string) => {
        if (!declared.has(`${collection}/${id}`)) {
          throw new Error(`apply read ${collection}/${id}, which documentsFor did not ask for`);
        }
        return (documents.get(collection)?.get(id) ?? null) as T | null;
      },
    });
    for (const write of writes) {
      if (!(write.collection in projection.collections)) {
        throw new Error(`apply wrote to ${write.collection}, which the projection does not own`);
      }
      let collection = documents.get(write.collection);
      if (!collection) documents.set(write.collection, (collection = new Map()));
      if (write.op === 'put') collection.set(write.document._id, write.document);
      else collection.delete(write.id);
    }
  }
  return documents;
}
