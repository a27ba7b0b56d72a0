import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { access, mkdir, open, readFile, readdir, rename, rm, unlink } from 'node:fs/promises';
import { join } from 'node:path';
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
import { KeyedMutex } from './keyed-mutex';

export interface DiskAttachmentStoreOptions {
  /** Created if missing. One process owns it: puts of one id are serialised in this process. */
  directory: string;
  /** Default DEFAULT_MAX_ATTACHMENT_BYTES (25 MiB). */
  maxBytes?: number;
  /** For tests; uploads are stamped with it. */
  now?: () => Date;
}

const ADAPTER = 'disk';
/** Uploads in progress: on the same file system as the content, so that rename is atomic. */
const TEMP = 'tmp';

function isMissing(error: unknown): boolean {
  return (error as { code?: unknown }).code === 'ENOENT';
}

/**
 * Content in `<dir>/<2 hex>/<id>`, its info in `<id>.json` beside it. An upload is written to
 * `<dir>/tmp`, flushed, renamed into place, and only then is the info written (itself through a
 * temp file and a rename): the info is the commit. A crash leaves at worst content without info,
 * which readers ignore and the next put of that id replaces, or a temp file, removed on open.
 */
export class DiskAttachmentStore implements AttachmentStore {
  private readonly locks = new KeyedMutex();
  private closed = false;

  constructor(
    readonly directory: string,
    readonly maxBytes: number,
    private readonly now: () => Date,
  ) {}

  async put(input: PutAttachmentInput): Promise<AttachmentInfo> {
    this.assertOpen();
    const valid = validatePutInput(input);
    const limits = { fileName: valid.fileName, maxBytes: this.maxBytes };
    const stored = await this.info(valid.id);
    if (stored !== null)
      return answerRepeatedPut(stored, valid, await inspectWithoutKeeping(valid.content, limits));

    const inspection = inspectUpload(valid.content, limits);
    const temp = await this.writeTemp(inspection.chunks);
    try {
      const inspected = inspection.result();
      return await this.locks.run(valid.id, async () => {
        // A put of the same id may have committed while this one streamed.
        const meanwhile = await this.info(valid.id);
        if (meanwhile !== null) return answerRepeatedPut(meanwhile, valid, inspected);
        const info = attachmentInfoFor(valid, inspected, this.now());
        await mkdir(this.shard(valid.id), { recursive: true });
        await rename(temp, this.contentPath(valid.id));
        await this.writeInfo(info);
        return info;
      });
    } finally {
      await rm(temp, { force: true });
    }
  }

  async info(id: string): Promise<AttachmentInfo | null> {
    this.assertOpen();
    return this.readInfo(this.infoPath(assertAttachmentId(id)));
  }

  async open(id: string): Promise<OpenedAttachment> {
    const info = await this.info(id);
    if (info === null) throw new AttachmentNotFoundError(assertAttachmentId(id));
    // Opened before answering, so that a delete racing the download cannot cut it short.
    let handle;
    try {
      handle = await open(this.contentPath(info.id), 'r');
    } catch (error) {
      if (isMissing(error)) throw new AttachmentNotFoundError(info.id);
      throw error;
    }
    return { info, stream: handle.createReadStream() };
  }

  async list(owner: AttachmentOwner): Promise<AttachmentInfo[]> {
    this.assertOpen();
    const { ownerKind, ownerId } = assertOwner(owner);
    // A scan of every info file: fine for an embedded store's few thousand attachments.
    const found: AttachmentInfo[] = [];
    for (const shard of await readdir(this.directory)) {
      if (!/^[0-9a-f]{2}$/.test(shard)) continue;
      for (const name of await readdir(join(this.directory, shard)).catch(() => [] as string[])) {
        if (!name.endsWith('.json')) continue;
        const info = await this.readInfo(join(this.directory, shard, name));
        if (info?.ownerKind === ownerKind && info.ownerId === ownerId) found.push(info);
      }
    }
    return found.sort((a, b) =>
      a.uploadedAt !== b.uploadedAt ? (a.uploadedAt < b.uploadedAt ? -1 : 1) : a.id < b.id ? -1 : 1,
    );
  }

  async delete(id: string): Promise<boolean> {
    this.assertOpen();
    const key = assertAttachmentId(id);
    return this.locks.run(key, async () => {
      // The info goes first: from then on readers see nothing, whatever happens to the content.
      let existed = true;
      await unlink(this.infoPath(key)).catch((error: unknown) => {
        if (!isMissing(error)) throw error;
        existed = false;
      });
      await rm(this.contentPath(key), { force: true });
      return existed;
    });
  }

  async health(): Promise<AttachmentStoreHealth> {
    try {
      await access(join(this.directory, TEMP), constants.W_OK);
      return { ok: !this.closed, adapter: ADAPTER, detail: this.closed ? 'closed' : this.directory };
    } catch (error) {
      return { ok: false, adapter: ADAPTER, detail: error instanceof Error ? error.message : String(error) };
    }
  }

  async close(): Promise<void> {
    this.closed = true;
  }

  /** Temp files of uploads in progress or abandoned: empty when no put is running. */
  async leftoverTempFiles(): Promise<string[]> {
    return readdir(join(this.directory, TEMP));
  }

  private async writeTemp(chunks: AsyncIterable<Uint8Array>): Promise<string> {
    const temp = join(this.directory, TEMP, `${randomBytes(12).toString('hex')}.part`);
    const handle = await open(temp, 'wx');
    try {
      for await (const chunk of chunks) await handle.write(chunk);
      await handle.sync();
      await handle.close();
      return temp;
    } catch (error) {
      await handle.close().catch(() => undefined);
      await rm(temp, { force: true });
      throw error;
    }
  }

  private async writeInfo(info: AttachmentInfo): Promise<void> {
    const temp = join(this.directory, TEMP, `${randomBytes(12).toString('hex')}.json`);
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(JSON.stringify(info));
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, this.infoPath(info.id));
  }

  private async readInfo(path: string): Promise<AttachmentInfo | null> {
    try {
      return JSON.parse(await readFile(path, 'utf8')) as AttachmentInfo;
    } catch (error) {
      if (isMissing(error)) return null;
      throw new AttachmentStoreUnavailableError(`Attachment info ${path} cannot be read`, { cause: error });
    }
  }

  private shard(id: string): string {
    return join(this.directory, id.slice(0, 2));
  }

  private contentPath(id: string): string {
    return join(this.shard(id), id);
  }

  private infoPath(id: string): string {
    return join(this.shard(id), `${id}.json`);
  }

  private assertOpen(): void {
    if (this.closed) throw new AttachmentStoreUnavailableError('The attachment store is closed');
  }
}

/**
 * Opens (creating) the directory and clears temp files left by a crash: a directory belongs to
 * one process at a time, so nothing else can be writing them.
 */
export async function openDiskAttachmentStore(
  options: DiskAttachmentStoreOptions,
): Promise<DiskAttachmentStore> {
  if (typeof options?.directory !== 'string' || options.directory.length === 0) {
    throw new TypeError('openDiskAttachmentStore: directory must be a path');
  }
  const maxBytes = resolveMaxBytes(options.maxBytes);
  await rm(join(options.directory, TEMP), { recursive: true, force: true });
  await mkdir(join(options.directory, TEMP), { recursive: true });
  return new DiskAttachmentStore(options.directory, maxBytes, options.now ?? (() => new Date()));
}
