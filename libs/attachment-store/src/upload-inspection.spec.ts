import { createHash, randomBytes } from 'node:crypto';
import { AttachmentTooLargeError, AttachmentTypeRefusedError, InvalidAttachmentError } from './errors';
import { inspectWithoutKeeping } from './upload-inspection';
import { inChunks, sample } from './testing/sample-files';

const limits = (fileName: string, maxBytes = 1_000_000) => ({ fileName, maxBytes });

describe('inspectUpload', () => {
  it('measures, hashes and types an upload sent in one-byte chunks', async () => {
    const content = sample.pdf(randomBytes(5000));
    const result = await inspectWithoutKeeping(inChunks(content, 1), limits('a.pdf'));
    expect(result).toEqual({
      size: content.length,
      sha256: createHash('sha256').update(content).digest('hex'),
      contentType: 'application/pdf',
    });
  });

  it('accepts UTF-8 text whose characters straddle chunk boundaries', async () => {
    const content = Buffer.from('Température relevée: 21 °C — ok ✓\n'.repeat(500), 'utf8');
    const result = await inspectWithoutKeeping(inChunks(content, 7), limits('notes.txt'));
    expect(result.contentType).toBe('text/plain');
  });

  it('refuses a text that breaks UTF-8 or holds NUL past the sniffed start', async () => {
    const broken = Buffer.concat([Buffer.from('a'.repeat(10_000)), Buffer.from([0xc3])]);
    await expect(inspectWithoutKeeping(inChunks(broken), limits('a.txt'))).rejects.toBeInstanceOf(
      AttachmentTypeRefusedError,
    );
    const nul = Buffer.concat([Buffer.from('a'.repeat(10_000)), Buffer.from([0])]);
    await expect(inspectWithoutKeeping(inChunks(nul), limits('a.txt'))).rejects.toBeInstanceOf(
      AttachmentTypeRefusedError,
    );
  });

  it('says the limit in MB', async () => {
    const error = await inspectWithoutKeeping(inChunks(sample.pdf(randomBytes(3 * 1024 * 1024))), {
      fileName: 'a.pdf',
      maxBytes: 2.5 * 1024 * 1024,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AttachmentTooLargeError);
    expect((error as Error).message).toBe('file: larger than the 2.5 MB limit for attachments');
  });

  it('refuses an empty upload and text chunks', async () => {
    await expect(inspectWithoutKeeping(inChunks(new Uint8Array(0)), limits('a.txt'))).rejects.toBeInstanceOf(
      InvalidAttachmentError,
    );
    async function* strings(): AsyncGenerator<Uint8Array> {
      yield 'text' as unknown as Uint8Array;
    }
    await expect(inspectWithoutKeeping(strings(), limits('a.txt'))).rejects.toThrow(/bytes, not text/);
  });
});
