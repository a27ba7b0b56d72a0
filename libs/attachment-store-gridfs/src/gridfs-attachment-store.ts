import { finished } from 'node:stream/promises';
import {
  type Collection,
  type Db,
  GridFSBucket,
  type GridFSBucketWriteStream,
  MongoClient,
  ObjectId,
} from 'mongodb';
import {
  type AttachmentInfo,
  type AttachmentOwner,
  AttachmentNotFoundError,
  type AttachmentStore,
  type AttachmentStoreHealth,
  AttachmentStoreUnavailableError,
  type OpenedAttachment,
  type PutAttachmentInput,
  answerRepeatedPut,
  assertAttachmentId,
  assertOwner,
  attachmentInfoFor,
  inspectUpload,
  inspectWithoutKeeping,
  resolveMaxBytes,
  validatePutInput,
} from '@fieldstream/attachment-store';
import {
  type AttachmentFilesDocument,
  type GridFsAttachmentStoreOptions,
  checkGridFsOptions,
  infoFromFilesDocument,
  metadataOf,
  redactUrl,
} from './gridfs-file-mapping';

const ADAPTER = 'gridfs';
const DUPLICATE_KEY = 11000;

type FilesDocument = AttachmentFilesDocument & { _id: ObjectId };

function isDuplicateKey(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === DUPLICATE_KEY;
}

/** Writes one chunk and waits until the driver took it (and flushed it, when it filled a chunk). */
function write(upload: GridFSBucketWriteStream, chunk: Uint8Array): Promise<void> {
  return new Promise((resolve, reject) =>
    upload.write(chunk, (error) => (error ? reject(error) : resolve())),
  );
}

export class GridFsAttachmentStore implements AttachmentStore {
  private readonly files: Collection<FilesDocument>;
  private readonly chunks: Collection<{ files_id: ObjectId }>;

  constructor(
    private readonly client: MongoClient,
    private readonly db: Db,
    readonly bucket: GridFSBucket,
    readonly bucketName: string,
    readonly maxBytes: number,
    private readonly now: () => Date,
  ) {
    this.files = db.collection<FilesDocument>(`${bucketName}.files`);
    this.chunks = db.collection<{ files_id: ObjectId }>(`${bucketName}.chunks`);
  }

  async put(input: PutAttachmentInput): Promise<AttachmentInfo> {
    const valid = validatePutInput(input);
    const limits = { fileName: valid.fileName, maxBytes: this.maxBytes };
    const stored = await this.info(valid.id);
    if (stored !== null)
      return answerRepeatedPut(stored, valid, await inspectWithoutKeeping(valid.content, limits));

    const inspection = inspectUpload(valid.content, limits);
    // The metadata must be given when the upload opens, before the sha-256 is known: it is
    // completed in the files document by an update right after (see below).
    const fileId = new ObjectId();
    const uploadedAt = this.now();
    const upload = this.bucket.openUploadStreamWithId(fileId, valid.fileName, {
      metadata: { attachmentId: `pending:${fileId.toHexString()}` },
    });
    upload.on('error', () => undefined); // errors are taken from write/finished below
    try {
      for await (const chunk of inspection.chunks) await write(upload, chunk);
    } catch (error) {
      // Over the limit, refused type, or a failed chunk insert: drop what was written.
      await upload.abort().catch(() => undefined);
      upload.destroy();
      await this.chunks.deleteMany({ files_id: fileId }).catch(() => undefined);
      throw error;
    }
    const info = attachmentInfoFor(valid, inspection.result(), uploadedAt);
    try {
      upload.end();
      await finished(upload);
      // The commit: the unique index on metadata.attachmentId lets one upload per id through.
      await this.files.updateOne({ _id: fileId }, { $set: { metadata: metadataOf(info) } });
      return info;
    } catch (error) {
      await this.discard(fileId);
      if (!isDuplicateKey(error)) throw error;
      const winner = await this.info(valid.id);
      if (winner === null) throw error;
      return answerRepeatedPut(winner, valid, inspection.result());
    }
  }

  async info(id: string): Promise<AttachmentInfo | null> {
    const document = await this.findFile(assertAttachmentId(id));
    return document === null ? null : infoFromFilesDocument(document);
  }

  async open(id: string): Promise<OpenedAttachment> {
    const key = assertAttachmentId(id);
    const document = await this.findFile(key);
    const info = document === null ? null : infoFromFilesDocument(document);
    if (document === null || info === null) throw new AttachmentNotFoundError(key);
    return { info, stream: this.bucket.openDownloadStream(document._id) };
  }

  async list(owner: AttachmentOwner): Promise<AttachmentInfo[]> {
    const { ownerKind, ownerId } = assertOwner(owner);
    const documents = await this.files
      .find({ 'metadata.ownerKind': ownerKind, 'metadata.ownerId': ownerId })
      .sort({ 'metadata.uploadedAt': 1, 'metadata.attachmentId': 1 })
      .toArray();
    return documents.map(infoFromFilesDocument).filter((info): info is AttachmentInfo => info !== null);
  }

  async delete(id: string): Promise<boolean> {
    const document = await this.findFile(assertAttachmentId(id));
    if (document === null) return false;
    // The files document goes first (GridFSBucket.delete does so): readers stop seeing it at once.
    const removed = await this.files.deleteOne({ _id: document._id });
    await this.chunks.deleteMany({ files_id: document._id });
    return removed.deletedCount === 1;
  }

  async health(): Promise<AttachmentStoreHealth> {
    try {
      await this.db.command({ ping: 1 });
      return { ok: true, adapter: ADAPTER, detail: `${this.db.databaseName}/${this.bucketName}` };
    } catch (error) {
      return { ok: false, adapter: ADAPTER, detail: error instanceof Error ? error.message : String(error) };
    }
  }

  async close(): Promise<void> {
    await this.client.close();
  }

  get databaseName(): string {
    return this.db.databaseName;
  }

  /** Drops a whole database on this server: for tests that made throwaway ones. */
  async dropDatabaseNamed(name: string): Promise<void> {
    await this.client.db(name).dropDatabase();
  }

  /**
   * Chunks without a committed files document, and files documents never committed: empty when
   * no upload is running. For tests, and for an operator's check.
   */
  async leftovers(): Promise<string[]> {
    const committed = await this.files.find({}, { projection: { _id: 1, metadata: 1 } }).toArray();
    const pending = committed.filter((d) => infoFromFilesDocument(d as FilesDocument) === null);
    const orphanChunks = await this.chunks.distinct('files_id', {
      files_id: { $nin: committed.map((d) => d._id) },
    });
    return [
      ...pending.map((d) => `pending files document ${d._id.toHexString()}`),
      ...orphanChunks.map((fileId: ObjectId) => `orphan chunks of ${fileId.toHexString()}`),
    ];
  }

  private async findFile(id: string): Promise<FilesDocument | null> {
    return this.files.findOne({ 'metadata.attachmentId': id });
  }

  private async discard(fileId: ObjectId): Promise<void> {
    await this.files.deleteOne({ _id: fileId }).catch(() => undefined);
    await this.chunks.deleteMany({ files_id: fileId }).catch(() => undefined);
  }
}

function isConnectionError(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name;
  return (
    typeof name === 'string' &&
    /^Mongo(ServerSelection|Network|NetworkTimeout|TopologyClosed)Error$/.test(name)
  );
}

/**
 * Connects, checks the server answers within `serverSelectionTimeoutMS`, and creates the indexes:
 * the unique one on `metadata.attachmentId` (one attachment per id) and the owner listing's.
 */
export async function connectGridFsAttachmentStore(
  options: GridFsAttachmentStoreOptions,
): Promise<GridFsAttachmentStore> {
  const { bucketName, serverSelectionTimeoutMS } = checkGridFsOptions(options);
  const maxBytes = resolveMaxBytes(options.maxBytes);
  let client: MongoClient;
  try {
    client = new MongoClient(options.url, { serverSelectionTimeoutMS, appName: 'fieldstream' });
  } catch (error) {
    throw new TypeError(
      `connectGridFsAttachmentStore: url is not valid: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
  try {
    await client.connect();
    const db = client.db(options.database);
    const files = db.collection(`${bucketName}.files`);
    await files.createIndex({ 'metadata.attachmentId': 1 }, { unique: true, name: 'attachmentId_unique' });
    await files.createIndex(
      { 'metadata.ownerKind': 1, 'metadata.ownerId': 1, 'metadata.uploadedAt': 1 },
      { name: 'owner_uploadedAt' },
    );
    const bucket = new GridFSBucket(db, { bucketName });
    return new GridFsAttachmentStore(
      client,
      db,
      bucket,
      bucketName,
      maxBytes,
      options.now ?? (() => new Date()),
    );
  } catch (error) {
    await client.close().catch(() => undefined);
    if (isConnectionError(error)) {
      throw new AttachmentStoreUnavailableError(
        `MongoDB at ${redactUrl(options.url)} did not answer within ${serverSelectionTimeoutMS} ms: ${error instanceof Error ? error.message : String(error)}`,
        { cause: error },
      );
    }
    throw error;
  }
}
