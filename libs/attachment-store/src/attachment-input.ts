import type { AttachmentOwner, PutAttachmentInput } from './attachment-info';
import { InvalidAttachmentError } from './errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const OWNER_KIND = /^[a-z][a-z0-9-]{0,39}$/;
// C0/C1 controls and the Unicode line/paragraph separators: they break headers and logs.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
/** Characters Windows refuses in file names too: the name goes back out on download. */
const FILE_NAME_FORBIDDEN = /[/\\:*?"<>|]/;

/** A phone photo, a scanned manual or a short video clip fits; a store may set its own. */
export const DEFAULT_MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024;

/** Lower-cased UUID; the id is also a file name and a key, so nothing else passes. */
export function assertAttachmentId(id: unknown): string {
  if (typeof id !== 'string' || !UUID.test(id)) {
    throw new InvalidAttachmentError('id', 'must be a UUID (8-4-4-4-12 hexadecimal digits)');
  }
  return id.toLowerCase();
}

function boundedText(field: string, value: unknown, max: number): string {
  if (typeof value !== 'string' || value.trim().length === 0) {
    throw new InvalidAttachmentError(field, 'must be a non-empty string');
  }
  if (value.length > max) throw new InvalidAttachmentError(field, `must be at most ${max} characters`);
  if (CONTROL.test(value)) throw new InvalidAttachmentError(field, 'must not contain control characters');
  return value;
}

export function assertOwner(owner: unknown): AttachmentOwner {
  if (typeof owner !== 'object' || owner === null) {
    throw new InvalidAttachmentError('owner', 'must be an object with ownerKind and ownerId');
  }
  const { ownerKind, ownerId } = owner as Record<string, unknown>;
  if (typeof ownerKind !== 'string' || !OWNER_KIND.test(ownerKind)) {
    throw new InvalidAttachmentError(
      'ownerKind',
      'must be a lower-case kind such as site or asset-model (letters, digits, -; at most 40)',
    );
  }
  return { ownerKind, ownerId: boundedText('ownerId', ownerId, 200) };
}

export function assertFileName(fileName: unknown): string {
  const name = boundedText('fileName', fileName, 255);
  if (name !== name.trim()) throw new InvalidAttachmentError('fileName', 'must not start or end with spaces');
  if (FILE_NAME_FORBIDDEN.test(name)) {
    throw new InvalidAttachmentError('fileName', 'must not contain / \\ : * ? " < > |');
  }
  if (/^\.+$/.test(name)) throw new InvalidAttachmentError('fileName', 'must be a file name, not dots');
  return name;
}

export function resolveMaxBytes(maxBytes: unknown): number {
  if (maxBytes === undefined) return DEFAULT_MAX_ATTACHMENT_BYTES;
  if (typeof maxBytes !== 'number' || !Number.isSafeInteger(maxBytes) || maxBytes < 1) {
    throw new InvalidAttachmentError('maxBytes', 'must be a positive integer number of bytes');
  }
  return maxBytes;
}

/** Everything but the bytes, checked before a byte is read. */
export function validatePutInput(input: unknown): PutAttachmentInput {
  if (typeof input !== 'object' || input === null) {
    throw new InvalidAttachmentError('input', 'must be an object');
  }
  const raw = input as Record<string, unknown>;
  const id = assertAttachmentId(raw['id']);
  const fileName = assertFileName(raw['fileName']);
  const owner = assertOwner(raw);
  const uploadedBy = boundedText('uploadedBy', raw['uploadedBy'], 200);
  const declared = raw['declaredType'];
  if (
    declared !== undefined &&
    (typeof declared !== 'string' || declared.length > 255 || CONTROL.test(declared))
  ) {
    throw new InvalidAttachmentError('declaredType', 'must be a media type string of at most 255 characters');
  }
  const content = raw['content'];
  if (
    typeof content !== 'object' ||
    content === null ||
    typeof (content as { [Symbol.asyncIterator]?: unknown })[Symbol.asyncIterator] !== 'function'
  ) {
    throw new InvalidAttachmentError(
      'file',
      'content must be a readable stream or an async iterable of bytes',
    );
  }
  return {
    id,
    fileName,
    ...owner,
    uploadedBy,
    ...(declared === undefined ? {} : { declaredType: declared as string }),
    content: content as PutAttachmentInput['content'],
  };
}
