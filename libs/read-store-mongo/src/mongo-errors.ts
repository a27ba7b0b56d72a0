import { DuplicateKeyError, InvalidQueryError } from '@fieldstream/read-store';

/** The MongoDB server cannot be reached (or answered that it cannot serve us). */
export class ReadStoreUnavailableError extends Error {
  override readonly name = 'ReadStoreUnavailableError';
  readonly code = 'read_store_unavailable';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** Projections need multi-document transactions, which standalone servers do not have. */
export class TransactionsUnsupportedError extends Error {
  override readonly name = 'TransactionsUnsupportedError';
  readonly code = 'transactions_unsupported';
  constructor(operation: string) {
    super(
      `${operation} needs multi-document transactions: MongoDB must run as a replica set (a one-node set is enough, ` +
        `as in docker/compose) or behind mongos; a standalone server is not supported`,
    );
  }
}

const DUPLICATE_KEY = 11000;
/** Server codes of update operators applied to the wrong kind of value. */
const BAD_UPDATE_CODES = new Set([
  2 /* BadValue */, 14 /* TypeMismatch */, 28 /* PathNotViable */, 40 /* Conflicting */,
]);

interface ServerErrorShape {
  code?: unknown;
  codeName?: unknown;
  keyValue?: unknown;
  message?: unknown;
  name?: unknown;
  writeErrors?: unknown;
}

function shapeOf(error: unknown): ServerErrorShape {
  return typeof error === 'object' && error !== null ? (error as ServerErrorShape) : {};
}

/** Index, within its bulk write, of the write that failed. */
export function failedWriteIndex(error: unknown): number | undefined {
  const writeErrors = shapeOf(error).writeErrors;
  const first: unknown = Array.isArray(writeErrors) ? writeErrors[0] : writeErrors;
  const index =
    typeof first === 'object' && first !== null ? (first as { index?: unknown }).index : undefined;
  return typeof index === 'number' ? index : undefined;
}

/** The first write error of a bulk write, or the error itself. */
function firstFailure(error: unknown): ServerErrorShape {
  const shape = shapeOf(error);
  const writeErrors = shape.writeErrors;
  const first = Array.isArray(writeErrors) ? writeErrors[0] : writeErrors;
  if (first !== undefined && first !== null && typeof first === 'object') {
    const inner = first as { code?: unknown; errmsg?: unknown; err?: { keyValue?: unknown } };
    return { code: inner.code, message: inner.errmsg, keyValue: inner.err?.keyValue ?? shape.keyValue };
  }
  return shape;
}

export function isDuplicateKey(error: unknown): boolean {
  return firstFailure(error).code === DUPLICATE_KEY;
}

/** What a duplicate-key error says is duplicated: the key and its value, as the server gives them. */
export function duplicatedKey(error: unknown, fallbackId?: string): string {
  const failure = firstFailure(error);
  if (failure.keyValue !== null && typeof failure.keyValue === 'object')
    return JSON.stringify(failure.keyValue);
  const message = typeof failure.message === 'string' ? failure.message : '';
  // Bulk write errors carry only the server's text: `... dup key: { _id: "a-1" }`.
  const match = /dup key: (\{.*\})/.exec(message);
  return match?.[1] ?? (fallbackId !== undefined ? JSON.stringify({ _id: fallbackId }) : 'unknown');
}

/**
 * Connection failures: the driver's server-selection and network errors, matched by name so that
 * a second copy of the driver (or jest's module registry) does not defeat `instanceof`.
 */
export function isConnectionError(error: unknown): boolean {
  const name = shapeOf(error).name;
  return (
    name === 'MongoServerSelectionError' ||
    name === 'MongoNetworkError' ||
    name === 'MongoNetworkTimeoutError' ||
    name === 'MongoTopologyClosedError' ||
    name === 'MongoNotConnectedError'
  );
}

/** An update the server refused for the document's shape ($inc on a string, $push on a scalar...). */
export function isRejectedUpdate(error: unknown): boolean {
  const code = firstFailure(error).code;
  return typeof code === 'number' && BAD_UPDATE_CODES.has(code);
}

export function mapMongoError(
  error: unknown,
  context: { collection: string; id?: string; updatePath?: string | undefined },
): unknown {
  if (isDuplicateKey(error))
    return new DuplicateKeyError(context.collection, duplicatedKey(error, context.id));
  if (isRejectedUpdate(error)) {
    const failure = firstFailure(error);
    const message = typeof failure.message === 'string' ? failure.message : 'rejected by MongoDB';
    const path = context.updatePath ?? 'update';
    return new InvalidQueryError(`${path}: ${message}`, path);
  }
  if (isConnectionError(error)) {
    const message = error instanceof Error ? error.message : String(error);
    return new ReadStoreUnavailableError(`MongoDB is unavailable: ${message}`, { cause: error });
  }
  return error;
}
