import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import type { AttachmentInfo, PutAttachmentInput } from '../attachment-info';
import type { AttachmentStore } from '../attachment-store.port';
import {
  AttachmentConflictError,
  AttachmentNotFoundError,
  AttachmentTooLargeError,
  AttachmentTypeRefusedError,
  InvalidAttachmentError,
} from '../errors';
import { endlessUpload, inChunks, readAll, sample } from './sample-files';

export interface AttachmentStoreContractOptions {
  /**
   * What a refused or aborted upload may have left in the store's storage outside its records:
   * temp files on disk, orphan chunks in GridFS. The suite expects an empty list after every
   * refusal. Without it, the suite checks only what the port shows (info, list).
   */
  leftovers?: (store: AttachmentStore) => Promise<string[]>;
}

export type MakeAttachmentStore = (options: { maxBytes?: number }) => Promise<AttachmentStore>;

const sha256 = (content: Uint8Array): string => createHash('sha256').update(content).digest('hex');

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

function upload(content: Uint8Array, overrides: Partial<PutAttachmentInput> = {}): PutAttachmentInput {
  return {
    id: randomUUID(),
    fileName: 'report.pdf',
    ownerKind: 'site',
    ownerId: 'site-1',
    uploadedBy: 'user-7',
    content: inChunks(content),
    ...overrides,
  };
}

const byUploadOrder = (a: AttachmentInfo, b: AttachmentInfo): number =>
  a.uploadedAt < b.uploadedAt ? -1 : a.uploadedAt > b.uploadedAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/**
 * The attachment store contract: every adapter runs these cases. `makeStore` gives a fresh,
 * empty store per call; the suite closes each store it opened.
 */
export function attachmentStoreContract(
  adapterName: string,
  makeStore: MakeAttachmentStore,
  options: AttachmentStoreContractOptions = {},
): void {
  describe(`AttachmentStore contract: ${adapterName}`, () => {
    const opened: AttachmentStore[] = [];
    const open = async (storeOptions: { maxBytes?: number } = {}): Promise<AttachmentStore> => {
      const store = await makeStore(storeOptions);
      opened.push(store);
      return store;
    };
    let store: AttachmentStore;

    beforeEach(async () => {
      store = await open();
    });
    afterEach(async () => {
      for (const s of opened.splice(0)) await s.close();
    });

    /** A refused upload left nothing: no record, no listing, no stray storage. */
    async function expectNothingKept(target: AttachmentStore, id: string, ownerId = 'site-1'): Promise<void> {
      expect(await target.info(id)).toBeNull();
      expect(await target.list({ ownerKind: 'site', ownerId })).toEqual([]);
      if (options.leftovers) expect(await options.leftovers(target)).toEqual([]);
    }

    describe('round trip', () => {
      it('stores the bytes exactly and answers their info, with the sniffed type and SHA-256', async () => {
        const content = sample.pdf();
        const input = upload(content, { declaredType: 'application/octet-stream' });
        const info = await store.put(input);
        expect(info).toEqual({
          id: input.id,
          fileName: 'report.pdf',
          ownerKind: 'site',
          ownerId: 'site-1',
          contentType: 'application/pdf',
          size: content.length,
          sha256: sha256(content),
          uploadedBy: 'user-7',
          uploadedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
          declaredType: 'application/octet-stream',
        });
        expect(await store.info(input.id)).toEqual(info);
        const { info: openedInfo, stream } = await store.open(input.id);
        expect(openedInfo).toEqual(info);
        expect((await readAll(stream)).equals(content)).toBe(true);
      });

      it('round-trips 5 MB of random bytes sent in uneven chunks, from an iterable and from a Readable', async () => {
        const content = sample.pdf(randomBytes(5 * 1024 * 1024));
        const fromIterable = await store.put(upload(content, { content: inChunks(content, 65_537) }));
        const fromReadable = await store.put(
          upload(content, { content: Readable.from(inChunks(content, 16_000)), fileName: 'copy.PDF' }),
        );
        for (const info of [fromIterable, fromReadable]) {
          expect(info.size).toBe(content.length);
          expect(info.sha256).toBe(sha256(content));
          const read = await readAll((await store.open(info.id)).stream);
          expect(read.length).toBe(content.length);
          expect(read.equals(content)).toBe(true);
        }
      }, 60_000);

      it('keeps the type sniffed from the content, never the declared one', async () => {
        const info = await store.put(
          upload(sample.png(), { fileName: 'photo.png', declaredType: 'application/pdf' }),
        );
        expect(info.contentType).toBe('image/png');
        expect(info.declaredType).toBe('application/pdf');
      });

      it('accepts a small file of each everyday kind', async () => {
        const kinds: [Uint8Array, string, string][] = [
          [sample.jpeg(), 'meter.jpg', 'image/jpeg'],
          [
            sample.docx(),
            'checklist.docx',
            'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
          ],
          [sample.odt(), 'notes.odt', 'application/vnd.oasis.opendocument.text'],
          [sample.ole(), 'old-quote.xls', 'application/vnd.ms-excel'],
          [sample.mp4(), 'noise.mp4', 'video/mp4'],
          [sample.heic(), 'IMG_0001.HEIC', 'image/heic'],
          [sample.dwg(), 'plant-room.dwg', 'image/vnd.dwg'],
          [sample.text('date,reading\n2024-01-02,17.5\n'), 'readings.csv', 'text/csv'],
          [sample.text('no extension\n'), 'README', 'text/plain'],
        ];
        for (const [content, fileName, contentType] of kinds) {
          const info = await store.put(upload(content, { fileName }));
          expect([fileName, info.contentType]).toEqual([fileName, contentType]);
        }
      });
    });

    describe('limits and refusals leave nothing behind', () => {
      it('stops an upload at the size limit, mid-stream, and keeps nothing', async () => {
        const limited = await open({ maxBytes: 1024 * 1024 });
        const endless = endlessUpload(sample.pdf());
        const input = upload(new Uint8Array(0), { content: endless.source });
        const error = await rejection(limited.put(input));
        expect(error).toBeInstanceOf(AttachmentTooLargeError);
        expect((error as AttachmentTooLargeError).field).toBe('file');
        expect((error as Error).message).toMatch(/1 MB/);
        // Reading stopped at the limit: at most the chunk that crossed it was pulled.
        expect(endless.pulled()).toBeLessThanOrEqual(1024 * 1024 + 64 * 1024 + 100);
        await expectNothingKept(limited, input.id);
      });

      it('accepts an upload of exactly the limit', async () => {
        const limited = await open({ maxBytes: 100_000 });
        const content = sample.pdf(randomBytes(100_000 - sample.pdf(new Uint8Array(0)).length));
        expect((await limited.put(upload(content))).size).toBe(100_000);
        await expect(limited.put(upload(Buffer.concat([content, Buffer.from('x')])))).rejects.toBeInstanceOf(
          AttachmentTooLargeError,
        );
      });

      it.each([
        ['an executable by name', sample.exe(), 'tool.exe', /never accepted/],
        ['an executable named as a PDF', sample.exe(), 'invoice.pdf', /Windows executable/],
        ['an ELF binary without extension', sample.elf(), 'update', /ELF/],
        ['a shell script named as text', sample.shellScript(), 'notes.txt', /script/],
        ['an HTML page named as text', sample.html(), 'page.txt', /web page/],
        ['a ZIP archive', sample.zip(), 'photos.zip', /ZIP archive/],
        ['unknown binary', randomBytes(10_000), 'data.bin', /never accepted|no accepted type/],
      ])('refuses %s and keeps nothing', async (_case, content, fileName, message) => {
        const input = upload(content, { fileName });
        const error = await rejection(store.put(input));
        expect(error).toBeInstanceOf(AttachmentTypeRefusedError);
        expect((error as AttachmentTypeRefusedError).field).toBe('file');
        expect((error as Error).message).toMatch(message);
        expect((error as AttachmentTypeRefusedError).allowed).toContain('PDF');
        await expectNothingKept(store, input.id);
      });

      it('refuses a text that turns binary after its first bytes, once part of it was written', async () => {
        const content = Buffer.concat([
          sample.text('x'.repeat(200_000)),
          randomBytes(1000),
          Buffer.from([0]),
        ]);
        const input = upload(content, { fileName: 'log.txt' });
        await expect(store.put(input)).rejects.toBeInstanceOf(AttachmentTypeRefusedError);
        await expectNothingKept(store, input.id);
      });

      it('refuses a name whose extension contradicts the content, saying both', async () => {
        const input = upload(sample.png(), { fileName: 'manual.pdf' });
        const error = await rejection(store.put(input));
        expect(error).toBeInstanceOf(AttachmentTypeRefusedError);
        expect((error as Error).message).toMatch(/manual\.pdf is named \.pdf but its content is PNG/);
        await expectNothingKept(store, input.id);
      });

      it('refuses bad ids, names, owners and empty files naming the field, before reading', async () => {
        const cases: [Partial<PutAttachmentInput>, string][] = [
          [{ id: 'not-a-uuid' }, 'id'],
          [{ fileName: '../etc/passwd' }, 'fileName'],
          [{ fileName: '' }, 'fileName'],
          [{ ownerKind: 'Site!' }, 'ownerKind'],
          [{ ownerId: '' }, 'ownerId'],
          [{ uploadedBy: '' }, 'uploadedBy'],
          [{ content: inChunks(new Uint8Array(0)) }, 'file'],
        ];
        for (const [overrides, field] of cases) {
          const error = await rejection(store.put(upload(sample.pdf(), overrides)));
          expect([field, error]).toEqual([field, expect.any(InvalidAttachmentError)]);
          expect((error as InvalidAttachmentError).field).toBe(field);
        }
        await expect(store.info('nope')).rejects.toBeInstanceOf(InvalidAttachmentError);
        await expect(store.list({ ownerKind: 'site', ownerId: '' })).rejects.toBeInstanceOf(
          InvalidAttachmentError,
        );
        if (options.leftovers) expect(await options.leftovers(store)).toEqual([]);
      });
    });

    describe('idempotence and conflicts', () => {
      it('answers the stored info when the same upload is put again', async () => {
        const content = sample.pdf(randomBytes(300_000));
        const input = upload(content);
        const first = await store.put(input);
        const again = await store.put({ ...input, content: inChunks(content, 10_000) });
        expect(again).toEqual(first);
        expect(await store.list({ ownerKind: 'site', ownerId: 'site-1' })).toEqual([first]);
        if (options.leftovers) expect(await options.leftovers(store)).toEqual([]);
      });

      it('refuses other bytes or another owner under a taken id, keeping the original', async () => {
        const content = sample.pdf();
        const input = upload(content);
        const first = await store.put(input);
        const otherBytes = await rejection(
          store.put({ ...input, content: inChunks(sample.pdf(randomBytes(10))) }),
        );
        expect(otherBytes).toBeInstanceOf(AttachmentConflictError);
        expect((otherBytes as AttachmentConflictError).differences).toEqual(['content']);
        const otherOwner = await rejection(
          store.put({ ...input, ownerId: 'site-2', content: inChunks(content) }),
        );
        expect((otherOwner as AttachmentConflictError).differences).toEqual(['ownerId']);
        expect(await store.info(input.id)).toEqual(first);
        expect((await readAll((await store.open(input.id)).stream)).equals(content)).toBe(true);
        if (options.leftovers) expect(await options.leftovers(store)).toEqual([]);
      });

      it('answers the same info to concurrent puts of one upload', async () => {
        const content = sample.pdf(randomBytes(200_000));
        const input = upload(content);
        const [a, b] = await Promise.all([
          store.put({ ...input, content: inChunks(content) }),
          store.put({ ...input, content: inChunks(content) }),
        ]);
        expect(b).toEqual(a);
        expect(await store.list({ ownerKind: 'site', ownerId: 'site-1' })).toEqual([a]);
        if (options.leftovers) expect(await options.leftovers(store)).toEqual([]);
      });

      it('takes an id in any letter case as the same lower-case id', async () => {
        const input = upload(sample.pdf());
        const info = await store.put({ ...input, id: input.id.toUpperCase() });
        expect(info.id).toBe(input.id);
        expect(await store.info(input.id.toUpperCase())).toEqual(info);
      });
    });

    describe('listing, deleting, not found', () => {
      it('lists the attachments of one owner, oldest first', async () => {
        const mine = [];
        for (const fileName of ['a.pdf', 'b.pdf', 'c.pdf']) {
          mine.push(await store.put(upload(sample.pdf(), { fileName, ownerKind: 'asset', ownerId: 'A-1' })));
        }
        await store.put(upload(sample.pdf(), { ownerKind: 'asset', ownerId: 'A-2' }));
        await store.put(upload(sample.pdf(), { ownerKind: 'site', ownerId: 'A-1' }));
        expect(await store.list({ ownerKind: 'asset', ownerId: 'A-1' })).toEqual(
          [...mine].sort(byUploadOrder),
        );
        expect(await store.list({ ownerKind: 'asset', ownerId: 'A-9' })).toEqual([]);
      });

      it('deletes an attachment: gone from info, open and list; a second delete answers false', async () => {
        const kept = await store.put(upload(sample.pdf()));
        const gone = await store.put(upload(sample.pdf()));
        expect(await store.delete(gone.id)).toBe(true);
        expect(await store.info(gone.id)).toBeNull();
        await expect(store.open(gone.id)).rejects.toBeInstanceOf(AttachmentNotFoundError);
        expect(await store.list({ ownerKind: 'site', ownerId: 'site-1' })).toEqual([kept]);
        expect(await store.delete(gone.id)).toBe(false);
        if (options.leftovers) expect(await options.leftovers(store)).toEqual([]);
      });

      it('answers null, AttachmentNotFoundError and false for an id never stored', async () => {
        const id = randomUUID();
        expect(await store.info(id)).toBeNull();
        const error = await rejection(store.open(id));
        expect(error).toBeInstanceOf(AttachmentNotFoundError);
        expect((error as AttachmentNotFoundError).id).toBe(id);
        expect(await store.delete(id)).toBe(false);
      });
    });

    it('stores concurrent puts of different ids, each with its own bytes', async () => {
      const contents = Array.from({ length: 12 }, () =>
        sample.pdf(randomBytes(50_000 + Math.floor(Math.random() * 200_000))),
      );
      const infos = await Promise.all(
        contents.map((content) => store.put(upload(content, { ownerId: 'busy' }))),
      );
      expect((await store.list({ ownerKind: 'site', ownerId: 'busy' })).map((i) => i.id).sort()).toEqual(
        infos.map((i) => i.id).sort(),
      );
      for (const [index, info] of infos.entries()) {
        expect((await readAll((await store.open(info.id)).stream)).equals(contents[index]!)).toBe(true);
      }
    }, 60_000);

    it('reports health', async () => {
      const health = await store.health();
      expect(health.ok).toBe(true);
      expect(typeof health.adapter).toBe('string');
      expect(typeof health.detail).toBe('string');
    });
  });
}
