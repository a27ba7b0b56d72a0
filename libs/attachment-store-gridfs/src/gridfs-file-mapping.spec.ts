import type { AttachmentInfo } from '@fieldstream/attachment-store';
import { checkGridFsOptions, infoFromFilesDocument, metadataOf, redactUrl } from './gridfs-file-mapping';

const info: AttachmentInfo = {
  id: '0b6f1f9e-4a0e-4d7c-9d1e-2a3b4c5d6e7f',
  fileName: 'pump-manual.pdf',
  ownerKind: 'asset-model',
  ownerId: 'AM-12',
  contentType: 'application/pdf',
  size: 12_345,
  sha256: 'ab'.repeat(32),
  uploadedBy: 'user-3',
  uploadedAt: '2025-01-02T03:04:05.678Z',
};

describe('GridFS files document <-> AttachmentInfo', () => {
  it('maps metadata, filename and length back to the info it came from', () => {
    const document = { filename: info.fileName, length: info.size, metadata: metadataOf(info) };
    expect(infoFromFilesDocument(document)).toEqual(info);
  });

  it('keeps the declared type when there was one, and only then', () => {
    const declared = { ...info, declaredType: 'application/octet-stream' };
    const document = { filename: info.fileName, length: info.size, metadata: metadataOf(declared) };
    expect(infoFromFilesDocument(document)).toEqual(declared);
    expect(metadataOf(info)).not.toHaveProperty('declaredType');
  });

  it('answers null for files documents that are not committed attachments', () => {
    expect(infoFromFilesDocument({ filename: 'x', length: 1 })).toBeNull();
    expect(infoFromFilesDocument({ filename: 'x', length: 1, metadata: null })).toBeNull();
    // An upload between its chunks and its commit (or cut by a crash there).
    expect(
      infoFromFilesDocument({ filename: 'x', length: 1, metadata: { attachmentId: 'pending:abc' } }),
    ).toBeNull();
  });
});

describe('GridFS options', () => {
  it('refuses bad options before connecting, naming the option', () => {
    expect(() => checkGridFsOptions({ url: 'postgres://x', database: 'd' })).toThrow(/url must be/);
    expect(() => checkGridFsOptions({ url: 'mongodb://h', database: 'a.b' })).toThrow(/database must be/);
    expect(() => checkGridFsOptions({ url: 'mongodb://h', database: 'd', bucketName: 'x.y' })).toThrow(
      /bucketName/,
    );
    expect(() =>
      checkGridFsOptions({ url: 'mongodb://h', database: 'd', serverSelectionTimeoutMS: 0 }),
    ).toThrow(/serverSelectionTimeoutMS/);
    expect(checkGridFsOptions({ url: 'mongodb://h', database: 'd' })).toEqual({
      bucketName: 'attachments',
      serverSelectionTimeoutMS: 10_000,
    });
  });

  it('hides the password of a connection string', () => {
    expect(redactUrl('mongodb://u:p@h:27017/db')).toBe('mongodb://***@h:27017/db');
  });
});
