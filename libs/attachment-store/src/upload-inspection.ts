import { createHash } from 'node:crypto';
import { type SniffedType, SNIFF_BYTES, sniffAttachmentType } from './content-sniffing';
import { AttachmentTooLargeError, AttachmentTypeRefusedError, InvalidAttachmentError } from './errors';
import { ACCEPTED_ATTACHMENT_LABELS } from './attachment-types';
import type { AttachmentSource } from './attachment-info';

export interface InspectedUpload {
  size: number;
  sha256: string;
  contentType: string;
}

export interface UploadInspection {
  /**
   * The content, chunk by chunk, once it passed the checks so far. Throws mid-way
   * (AttachmentTooLargeError, AttachmentTypeRefusedError, InvalidAttachmentError): the adapter
   * must then drop whatever it wrote. Nothing is yielded before the type is known.
   */
  chunks: AsyncIterable<Uint8Array>;
  /** Available once `chunks` ran to its end. */
  result(): InspectedUpload;
}

function concat(parts: Uint8Array[]): Uint8Array {
  return parts.length === 1 ? parts[0]! : Buffer.concat(parts);
}

/**
 * Streams `source` through the checks every adapter needs: the size limit (stops reading at the
 * first byte over it), the type sniffed from the first SNIFF_BYTES, UTF-8 validity to the end
 * for text types, and the SHA-256.
 */
export function inspectUpload(
  source: AttachmentSource,
  options: { fileName: string; maxBytes: number },
): UploadInspection {
  let outcome: InspectedUpload | undefined;

  async function* chunks(): AsyncGenerator<Uint8Array> {
    const hash = createHash('sha256');
    let size = 0;
    let head: Uint8Array[] = [];
    let headSize = 0;
    let sniffed: SniffedType | undefined;
    const decoder = new TextDecoder('utf-8', { fatal: true });
    const checkText = (bytes: Uint8Array, last: boolean): void => {
      if (sniffed?.text !== true) return;
      try {
        if (bytes.includes(0)) throw new Error('NUL');
        decoder.decode(bytes, { stream: !last });
      } catch {
        throw new AttachmentTypeRefusedError(
          'binary content after a text start',
          `${options.fileName} starts as ${sniffed.label} but is not valid UTF-8 text throughout`,
          ACCEPTED_ATTACHMENT_LABELS,
        );
      }
    };

    for await (const raw of source as AsyncIterable<unknown>) {
      if (!(raw instanceof Uint8Array)) {
        throw new InvalidAttachmentError('file', 'the stream must give bytes, not text (no setEncoding)');
      }
      if (raw.length === 0) continue;
      size += raw.length;
      // Checked before the chunk goes anywhere: an oversized upload is stopped here, and leaving
      // the loop destroys a Readable source, so the rest is not even read.
      if (size > options.maxBytes) throw new AttachmentTooLargeError(options.maxBytes);
      hash.update(raw);
      if (sniffed === undefined) {
        head.push(raw);
        headSize += raw.length;
        if (headSize < SNIFF_BYTES) continue;
        const start = concat(head);
        head = [];
        sniffed = sniffAttachmentType(start.subarray(0, SNIFF_BYTES), options.fileName, false);
        checkText(start, false);
        yield start;
        continue;
      }
      checkText(raw, false);
      yield raw;
    }
    if (sniffed === undefined) {
      if (headSize === 0) throw new InvalidAttachmentError('file', 'is empty');
      const whole = concat(head);
      sniffed = sniffAttachmentType(whole, options.fileName, true);
      checkText(whole, true);
      yield whole;
    } else {
      checkText(new Uint8Array(0), true);
    }
    outcome = { size, sha256: hash.digest('hex'), contentType: sniffed.mime };
  }

  return {
    chunks: { [Symbol.asyncIterator]: chunks },
    result() {
      if (outcome === undefined)
        throw new Error('inspectUpload: result() before the content was read to its end');
      return outcome;
    },
  };
}

/** Reads the whole upload through the checks without keeping it: for a re-put of a stored id. */
export async function inspectWithoutKeeping(
  source: AttachmentSource,
  options: { fileName: string; maxBytes: number },
): Promise<InspectedUpload> {
  const inspection = inspectUpload(source, options);
  for await (const _chunk of inspection.chunks) {
    // only the checks and the hash matter here
  }
  return inspection.result();
}
