/** A document with that `_id`, or a unique-index value, already exists. */
export class DuplicateKeyError extends Error {
  override readonly name = 'DuplicateKeyError';
  readonly code = 'duplicate_key';
  constructor(
    readonly collection: string,
    readonly key: string,
  ) {
    super(`Collection ${collection}: duplicate key ${key}`);
  }
}

/** `replace` or a non-upserting `update` named a document that does not exist. */
export class DocumentNotFoundError extends Error {
  override readonly name = 'DocumentNotFoundError';
  readonly code = 'document_not_found';
  constructor(
    readonly collection: string,
    readonly id: string,
  ) {
    super(`Collection ${collection}: no document ${id}`);
  }
}

/** A filter, sort, projection or update outside the supported subset, or malformed. */
export class InvalidQueryError extends Error {
  override readonly name = 'InvalidQueryError';
  readonly code = 'invalid_query';
  constructor(
    message: string,
    /** Where in the query: `filter.status.$in`, `sort`, `update.$inc.count`, ... */
    readonly path: string,
  ) {
    super(message);
  }
}

/** A projection batch was committed against a checkpoint that is no longer current. */
export class CheckpointConflictError extends Error {
  override readonly name = 'CheckpointConflictError';
  readonly code = 'checkpoint_conflict';
  constructor(
    readonly projection: string,
    readonly expected: number | null,
    readonly actual: number | null,
  ) {
    super(`Projection ${projection}: expected checkpoint ${expected ?? 'none'}, found ${actual ?? 'none'}`);
  }
}

/** A document that cannot be stored: not JSON, no string `_id`, an unaddressable field name, too large. */
export class InvalidDocumentError extends Error {
  override readonly name = 'InvalidDocumentError';
  readonly code = 'invalid_document';
  constructor(
    readonly collection: string,
    /** Dotted path of the offending field, `_id`, or `document` for the whole. */
    readonly path: string,
    reason: string,
  ) {
    super(`Collection ${collection}: ${path} ${reason}`);
  }
}

/** A collection name outside `[A-Za-z][A-Za-z0-9_.-]{0,119}`. */
export class InvalidCollectionNameError extends Error {
  override readonly name = 'InvalidCollectionNameError';
  readonly code = 'invalid_collection_name';
  constructor(readonly collection: string) {
    super(
      `Invalid collection name ${JSON.stringify(collection)}: use a letter, then letters, digits, _ . or -, at most 120 characters`,
    );
  }
}
