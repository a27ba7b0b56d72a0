import { filetypeinfo } from 'magic-bytes.js';
import {
  ACCEPTED_ATTACHMENT_LABELS,
  ATTACHMENT_TYPES,
  type AttachmentType,
  type AttachmentTypeKey,
  REFUSED_EXTENSIONS,
  TEXT_TYPES,
} from './attachment-types';
import { AttachmentTypeRefusedError } from './errors';

/** How much of the start the verdict rests on; text is checked to the end while streaming. */
export const SNIFF_BYTES = 4096;

export interface SniffedType extends AttachmentType {
  key: AttachmentTypeKey;
  /** UTF-8 text: the rest of the stream must stay valid UTF-8 without NUL bytes. */
  text: boolean;
}

/** The extension in lower case, '' when there is none (`README`, `.profile`). */
export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot <= 0 || dot === fileName.length - 1 ? '' : fileName.slice(dot + 1).toLowerCase();
}

function refuse(detected: string, reason: string): never {
  throw new AttachmentTypeRefusedError(detected, reason, ACCEPTED_ATTACHMENT_LABELS);
}

function ascii(bytes: Uint8Array, start: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(start, start + length));
}

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  return signature.every((byte, i) => bytes[offset + i] === byte);
}

/** Programs are named here so that the refusal says what was found, not just "unknown". */
function executableKind(head: Uint8Array): string | undefined {
  if (startsWith(head, [0x4d, 0x5a])) return 'a Windows executable (MZ)';
  if (startsWith(head, [0x7f, 0x45, 0x4c, 0x46])) return 'a Linux executable (ELF)';
  const machO = [
    [0xfe, 0xed, 0xfa, 0xce],
    [0xfe, 0xed, 0xfa, 0xcf],
    [0xce, 0xfa, 0xed, 0xfe],
    [0xcf, 0xfa, 0xed, 0xfe],
    [0xca, 0xfe, 0xba, 0xbe], // fat Mach-O binary, or a Java class file: refused either way
  ];
  if (machO.some((signature) => startsWith(head, signature))) return 'a macOS executable (Mach-O)';
  if (startsWith(head, [0x23, 0x21])) return 'a script (#!)';
  return undefined;
}

/** ISO base media (MP4, QuickTime, HEIC, AVIF, 3GP, M4A): told apart by the ftyp box's brands. */
function isoMediaType(head: Uint8Array): AttachmentTypeKey | 'unknown' | undefined {
  if (head.length < 12 || ascii(head, 4, 4) !== 'ftyp') return undefined;
  const boxSize = Math.min(
    ((head[0]! << 24) | (head[1]! << 16) | (head[2]! << 8) | head[3]!) >>> 0,
    head.length,
  );
  const major = ascii(head, 8, 4);
  const compatible: string[] = [];
  for (let at = 16; at + 4 <= boxSize; at += 4) compatible.push(ascii(head, at, 4));
  const brands = [major, ...compatible];
  if (brands.includes('avif') || brands.includes('avis')) return 'avif';
  if (['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1'].includes(major)) return 'heic';
  if (major === 'qt  ') return 'quicktime';
  if (major === 'M4A ' || major === 'M4B ') return 'm4a';
  if (major.startsWith('3gp') || major.startsWith('3g2')) return 'threeGpp';
  if (
    ['isom', 'iso2', 'iso4', 'iso5', 'iso6', 'mp41', 'mp42', 'avc1', 'M4V ', 'mmp4', 'dash', 'MSNV'].includes(
      major,
    )
  )
    return 'mp4';
  return 'unknown';
}

type ZipVerdict =
  | { kind: 'odf'; key: AttachmentTypeKey }
  | { kind: 'ooxml' }
  | { kind: 'program'; detected: string }
  | { kind: 'other'; firstEntry: string };

/**
 * A ZIP's first local header names its first entry: `mimetype` (stored uncompressed, by the ODF
 * rules) says exactly which OpenDocument it is; `[Content_Types].xml` says Office Open XML.
 */
function zipVerdict(head: Uint8Array): ZipVerdict {
  if (head.length < 30) return { kind: 'other', firstEntry: '' };
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  const method = view.getUint16(8, true);
  const storedSize = view.getUint32(18, true);
  const nameLength = view.getUint16(26, true);
  const extraLength = view.getUint16(28, true);
  const firstEntry = new TextDecoder().decode(head.subarray(30, 30 + nameLength));
  if (firstEntry === 'mimetype' && method === 0) {
    const start = 30 + nameLength + extraLength;
    const mimetype = ascii(head, start, Math.min(storedSize, 100));
    const odf: Record<string, AttachmentTypeKey> = {
      'application/vnd.oasis.opendocument.text': 'odt',
      'application/vnd.oasis.opendocument.spreadsheet': 'ods',
      'application/vnd.oasis.opendocument.presentation': 'odp',
      'application/vnd.oasis.opendocument.graphics': 'odg',
    };
    const key = odf[mimetype];
    if (key !== undefined) return { kind: 'odf', key };
  }
  if (firstEntry === '[Content_Types].xml') return { kind: 'ooxml' };
  if (firstEntry === 'AndroidManifest.xml' || firstEntry === 'classes.dex')
    return { kind: 'program', detected: 'an Android package (APK)' };
  if (firstEntry.startsWith('META-INF/') || firstEntry.endsWith('.class'))
    return { kind: 'program', detected: 'a Java archive (JAR)' };
  return { kind: 'other', firstEntry };
}

const TEXT_EXTENSIONS: ReadonlySet<string> = new Set(
  TEXT_TYPES.flatMap((key) => ATTACHMENT_TYPES[key].extensions),
);
const OOXML: readonly AttachmentTypeKey[] = ['docx', 'xlsx', 'pptx', 'vsdx'];
const OLE: readonly AttachmentTypeKey[] = ['doc', 'xls', 'ppt', 'msg'];

function byExtension(keys: readonly AttachmentTypeKey[], extension: string): AttachmentTypeKey | undefined {
  return keys.find((key) => ATTACHMENT_TYPES[key].extensions.includes(extension));
}

function describe(key: AttachmentTypeKey): string {
  const t = ATTACHMENT_TYPES[key];
  return `${t.label} (${t.mime})`;
}

/** The sniffed type must agree with the name's extension, when the name has one. */
function checked(key: AttachmentTypeKey, fileName: string, extension: string, text = false): SniffedType {
  const t = ATTACHMENT_TYPES[key];
  if (extension !== '' && !(t.extensions as readonly string[]).includes(extension)) {
    refuse(describe(key), `${fileName} is named .${extension} but its content is ${describe(key)}`);
  }
  return { ...t, key, text };
}

/** magic-bytes.js names of the signature types we keep as they are. */
const MAGIC: Readonly<Record<string, AttachmentTypeKey>> = {
  pdf: 'pdf',
  png: 'png',
  apng: 'png',
  jpg: 'jpeg',
  gif: 'gif',
  webp: 'webp',
  tif: 'tiff',
  tiff: 'tiff',
  bmp: 'bmp',
  mp3: 'mp3',
  wav: 'wav',
};

/** What a browser sniffs as HTML (WHATWG MIME sniffing) or runs as SVG, at the start of a text. */
const MARKUP =
  /^(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body|script|iframe|svg|style|title|div|table|a\s|p\s|br|h1|font|b\s)/i;

/**
 * Valid UTF-8 without NUL, as far as `head` goes. When `complete` is false the head may end in
 * the middle of a character, which the streaming check will finish.
 */
function decodeText(head: Uint8Array, complete: boolean): string | undefined {
  if (head.includes(0)) return undefined;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: !complete });
  } catch {
    return undefined;
  }
}

function textType(
  head: Uint8Array,
  fileName: string,
  extension: string,
  complete: boolean,
): SniffedType | undefined {
  const text = decodeText(head, complete);
  if (text === undefined) return undefined;
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (MARKUP.test(start))
    refuse('HTML or SVG markup', `${fileName} is a web page or SVG, which a browser would run`);
  if (start.startsWith('{\\rtf')) return checked('rtf', fileName, extension, true);
  if (extension === '') return { ...ATTACHMENT_TYPES.text, key: 'text', text: true };
  const key = byExtension(TEXT_TYPES, extension);
  if (key === undefined) {
    refuse('plain text', `${fileName} is named .${extension} but its content is plain text`);
  }
  return { ...ATTACHMENT_TYPES[key], key, text: true };
}

/**
 * The attachment's type from its first bytes (up to SNIFF_BYTES) and its name's extension, or
 * AttachmentTypeRefusedError. `complete` says `head` is the whole content.
 */
export function sniffAttachmentType(head: Uint8Array, fileName: string, complete: boolean): SniffedType {
  const extension = extensionOf(fileName);
  if (REFUSED_EXTENSIONS.has(extension)) {
    refuse(`a .${extension} file`, `${fileName}: .${extension} files are never accepted`);
  }
  const program = executableKind(head);
  if (program !== undefined) refuse(program, `${fileName} is ${program}, which is never accepted`);

  // A text named as text stays text, even when it starts like a weak signature ("BM...", "ID3").
  if (TEXT_EXTENSIONS.has(extension)) {
    const text = textType(head, fileName, extension, complete);
    if (text !== undefined) return text;
  }

  const media = isoMediaType(head);
  if (media === 'unknown')
    refuse('an unknown ISO media file', `${fileName} is a kind of media file that is not accepted`);
  if (media !== undefined) return checked(media, fileName, extension);

  if (ascii(head, 0, 4) === 'AC10' && /^AC10\d\d$/.test(ascii(head, 0, 6)))
    return checked('dwg', fileName, extension);
  if (ascii(head, 0, 18) === 'AutoCAD Binary DXF') return checked('dxf', fileName, extension);

  const guesses = filetypeinfo(head).map((guess) => guess.typename);
  if (guesses.includes('zip')) {
    const zip = zipVerdict(head);
    if (zip.kind === 'odf') return checked(zip.key, fileName, extension);
    if (zip.kind === 'program')
      refuse(zip.detected, `${fileName} is ${zip.detected}, which is never accepted`);
    // OOXML writers do not all put [Content_Types].xml first: a ZIP named .docx is taken as one.
    const office = byExtension(OOXML, extension);
    if (office !== undefined) return checked(office, fileName, extension);
    if (zip.kind === 'ooxml') {
      refuse(
        'an Office Open XML document',
        `${fileName} is an Office document: name it .docx, .xlsx, .pptx or .vsdx`,
      );
    }
    refuse('a ZIP archive', `${fileName} is a ZIP archive; attach the files themselves`);
  }
  if (guesses.includes('doc')) {
    // The OLE container of legacy Office (and of .msi installers, refused by name above).
    const office = byExtension(OLE, extension);
    if (office !== undefined) return checked(office, fileName, extension);
    refuse(
      'a legacy Office (OLE) file',
      `${fileName} is a legacy Office file: name it .doc, .xls, .ppt or .msg`,
    );
  }
  const known = guesses.map((name) => MAGIC[name]).find((key) => key !== undefined);
  if (known !== undefined) return checked(known, fileName, extension);

  const text = textType(head, fileName, extension, complete);
  if (text !== undefined) return text;
  const named = guesses[0];
  refuse(
    named === undefined ? 'unrecognised binary content' : `a ${named} file`,
    `${fileName} is ${named === undefined ? 'binary content of no accepted type' : `a ${named} file, which is not accepted`}`,
  );
}
