import type { RecordedEvent } from '@fieldstream/event-store';
import type { IndexSpec, ReadDocument } from '@fieldstream/read-store';

/** Which document a projection needs to see before it applies an event. */
export interface DocumentRef<C extends string = string> {
  collection: C;
  id: string;
}

/**
 * The only writes a projection may emit. `put` replaces the whole document, so replaying the
 * same events from zero always ends with the same bytes as the live run did; partial updates
 * (`$inc`, `$push`) would depend on what was there before and double on a replay.
 */
export type ProjectionWrite<C extends string = string> =
  { op: 'put'; collection: C; document: ReadDocument } | { op: 'delete'; collection: C; id: string };

/** The documents an event asked for, as they stand after every earlier event of the batch. */
export interface CurrentDocuments<C extends string = string> {
  /** Null when the document does not exist; throws for a document the event did not ask for. */
  get<T extends ReadDocument = ReadDocument>(collection: C, id: string): Readonly<T> | null;
}

export interface CollectionSpec {
  indexes?: readonly IndexSpec[];
}

export interface ProjectionDefinition<E extends RecordedEvent = RecordedEvent, C extends string = string> {
  /** Also the checkpoint's name: kebab-case, unique in the deployment. */
  readonly name: string;
  /**
   * Bump it whenever `apply` would produce different documents from the same events: the runner
   * stores the version beside the checkpoint and rebuilds a projection whose stored version differs.
   */
  readonly version: number;
  /** Event types to subscribe to, or 'all' for a projection over the whole log. */
  readonly eventTypes: readonly E['type'][] | 'all';
  /** The collections this projection owns (and drops on a rebuild), with their indexes. */
  readonly collections: { readonly [K in C]: CollectionSpec };
  /** Pure: the documents `apply` will read for this event. */
  documentsFor(event: E): readonly DocumentRef<C>[];
  /** Pure: the writes this event causes, given the documents it asked for. */
  apply(event: E, current: CurrentDocuments<C>): readonly ProjectionWrite<C>[];
}

/** A projection whose event and collection types are erased, as runners and registries hold them. */
export type AnyProjection = ProjectionDefinition<RecordedEvent, string>;

export class InvalidProjectionError extends Error {
  override readonly name = 'InvalidProjectionError';
  readonly code = 'invalid_projection';
  constructor(
    message: string,
    /** The offending field: `name`, `version`, `collections.foo.indexes[0]`, ... */
    readonly field: string,
  ) {
    super(message);
  }
}

/**
 * Where the runner keeps each projection's version, beside (and committed with) its checkpoint:
 * one document per projection, `{ _id: name, version }`. A stored version that differs from the
 * code's means the documents were built by other rules and must be rebuilt.
 */
export const PROJECTION_VERSIONS_COLLECTION = 'projection_versions';

const PROJECTION_NAME = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
const COLLECTION_NAME = /^[a-z][a-zA-Z0-9_]*$/;

/**
 * Declares a projection, checking at definition time what would otherwise fail at the first
 * event. Typing the events lets `apply` switch on `event.type` with narrowed `data`.
 */
export function defineProjection<E extends RecordedEvent = RecordedEvent, C extends string = string>(
  definition: ProjectionDefinition<E, C>,
): ProjectionDefinition<E, C> {
  const { name, version, eventTypes, collections } = definition;
  if (typeof name !== 'string' || !PROJECTION_NAME.test(name)) {
    throw new InvalidProjectionError(
      `Projection name "${String(name)}" must be kebab-case, e.g. stream-catalogue`,
      'name',
    );
  }
  if (!Number.isInteger(version) || version < 1) {
    throw new InvalidProjectionError(`Projection ${name}: version must be a positive integer`, 'version');
  }
  if (eventTypes !== 'all' && (!Array.isArray(eventTypes) || eventTypes.length === 0)) {
    throw new InvalidProjectionError(
      `Projection ${name}: eventTypes must list at least one type, or be 'all'`,
      'eventTypes',
    );
  }
  const names = Object.keys(collections ?? {});
  if (names.length === 0) {
    throw new InvalidProjectionError(
      `Projection ${name}: it must own at least one collection`,
      'collections',
    );
  }
  for (const collection of names) {
    if (collection === PROJECTION_VERSIONS_COLLECTION) {
      throw new InvalidProjectionError(
        `Projection ${name}: the collection name ${collection} is the runner's own`,
        `collections.${collection}`,
      );
    }
    if (!COLLECTION_NAME.test(collection)) {
      throw new InvalidProjectionError(
        `Projection ${name}: collection name "${collection}" must be camelCase or snake_case letters and digits`,
        `collections.${collection}`,
      );
    }
    const indexes = (collections as Record<string, CollectionSpec>)[collection]?.indexes ?? [];
    indexes.forEach((index, i) => {
      if (!index || typeof index.keys !== 'object' || Object.keys(index.keys).length === 0) {
        throw new InvalidProjectionError(
          `Projection ${name}: index ${i} of ${collection} needs at least one key`,
          `collections.${collection}.indexes[${i}]`,
        );
      }
    });
  }
  if (typeof definition.documentsFor !== 'function') {
    throw new InvalidProjectionError(`Projection ${name}: documentsFor must be a function`, 'documentsFor');
  }
  if (typeof definition.apply !== 'function') {
    throw new InvalidProjectionError(`Projection ${name}: apply must be a function`, 'apply');
  }
  return Object.freeze({ ...definition });
}

export function collectionsOf(projection: AnyProjection): string[] {
  return Object.keys(projection.collections);
}
