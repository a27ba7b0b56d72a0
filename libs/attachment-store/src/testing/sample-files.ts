import { randomBytes } from 'node:crypto';

/*
 * The smallest starts of real files that the sniffer tells apart, followed by filler: enough
 * for a store, which checks signatures and not whole documents.
 */

const bytes = (...parts: (string | number[] | Uint8Array)[]): Buffer =>
  Buffer.concat(
    parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'latin1') : Buffer.from(part))),
  );

export const sample = {
  pdf: (body: Uint8Array = Buffer.from('1 0 obj << >> endobj\n%%EOF\n')) =>
    bytes('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', body),
  png: () => bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], 'IHDR', randomBytes(64)),
  jpeg: () => bytes([0xff, 0xd8, 0xff, 0xe0, 0, 16], 'JFIF\0', randomBytes(64)),
  exe: () => bytes('MZ', [0x90, 0, 3, 0, 0, 0, 4, 0], randomBytes(64)),
  elf: () => bytes([0x7f], 'ELF', [2, 1, 1, 0], randomBytes(64)),
  shellScript: () => bytes('#!/bin/sh\nrm -rf /\n'),
  html: () => bytes('<!DOCTYPE html>\n<html><body><script>alert(1)</script></body></html>\n'),
  text: (text = 'Replaced the filter on pump 3.\n') => bytes(text),
  /** A ZIP whose first entry is [Content_Types].xml, as Word writes a .docx. */
  docx: () => zipStart('[Content_Types].xml'),
  zip: () => zipStart('photos/site-12.jpg'),
  /** ODF: a stored `mimetype` entry first. */
  odt: () => zipStart('mimetype', 'application/vnd.oasis.opendocument.text'),
  mp4: () => bytes([0, 0, 0, 0x18], 'ftypisom', [0, 0, 2, 0], 'isomiso2', randomBytes(64)),
  heic: () => bytes([0, 0, 0, 0x18], 'ftypheic', [0, 0, 0, 0], 'mif1heic', randomBytes(64)),
  dwg: () => bytes('AC1032', randomBytes(64)),
  ole: () => bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], randomBytes(64)),
};

function zipStart(firstEntry: string, storedContent = ''): Buffer {
  const name = Buffer.from(firstEntry, 'utf8');
  const content = Buffer.from(storedContent, 'latin1');
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(0, 8); // stored
  header.writeUInt32LE(content.length, 18);
  header.writeUInt32LE(content.length, 22);
  header.writeUInt16LE(name.length, 26);
  header.writeUInt16LE(0, 28);
  return Buffer.concat([header, name, content, randomBytes(128)]);
}

/** `content` in chunks of `chunkSize`, as an async iterable (a request body, a file read). */
export async function* inChunks(content: Uint8Array, chunkSize = 64 * 1024): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < content.length; at += chunkSize) {
    yield content.subarray(at, at + chunkSize);
    // Let other work interleave, as a network stream would.
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** An endless upload that counts what was pulled from it: a limit must stop reading it. */
export function endlessUpload(
  start: Uint8Array,
  chunkSize = 64 * 1024,
): {
  source: AsyncGenerator<Uint8Array>;
  pulled(): number;
} {
  let pulled = 0;
  async function* source(): AsyncGenerator<Uint8Array> {
    pulled += start.length;
    yield start;
    for (;;) {
      const chunk = randomBytes(chunkSize);
      pulled += chunk.length;
      yield chunk;
    }
  }
  return { source: source(), pulled: () => pulled };
}

export async function readAll(stream: AsyncIterable<unknown>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of stream) parts.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(parts);
}
