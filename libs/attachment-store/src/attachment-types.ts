/**
 * What a field-service organisation attaches to customers, sites, assets, contracts...: documents,
 * photos, drawings, short videos, voice notes, data exports. Anything else is refused, so that
 * the store never serves a program or a page a browser would run.
 */
export interface AttachmentType {
  mime: string;
  label: string;
  /** Lower-case, without the dot; the first is the usual one. */
  extensions: readonly string[];
}

function type(mime: string, label: string, ...extensions: string[]): AttachmentType {
  return { mime, label, extensions };
}

export const ATTACHMENT_TYPES = {
  pdf: type('application/pdf', 'PDF', 'pdf'),
  png: type('image/png', 'PNG', 'png'),
  jpeg: type('image/jpeg', 'JPEG', 'jpg', 'jpeg', 'jpe', 'jfif'),
  gif: type('image/gif', 'GIF', 'gif'),
  webp: type('image/webp', 'WebP', 'webp'),
  tiff: type('image/tiff', 'TIFF', 'tif', 'tiff'),
  bmp: type('image/bmp', 'BMP', 'bmp', 'dib'),
  heic: type('image/heic', 'HEIC', 'heic', 'heif'),
  avif: type('image/avif', 'AVIF', 'avif'),
  docx: type(
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'Word (.docx)',
    'docx',
  ),
  xlsx: type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'Excel (.xlsx)', 'xlsx'),
  pptx: type(
    'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    'PowerPoint (.pptx)',
    'pptx',
  ),
  vsdx: type('application/vnd.ms-visio.drawing', 'Visio (.vsdx)', 'vsdx'),
  doc: type('application/msword', 'Word 97-2003 (.doc)', 'doc'),
  xls: type('application/vnd.ms-excel', 'Excel 97-2003 (.xls)', 'xls'),
  ppt: type('application/vnd.ms-powerpoint', 'PowerPoint 97-2003 (.ppt)', 'ppt'),
  msg: type('application/vnd.ms-outlook', 'Outlook message (.msg)', 'msg'),
  odt: type('application/vnd.oasis.opendocument.text', 'OpenDocument text', 'odt'),
  ods: type('application/vnd.oasis.opendocument.spreadsheet', 'OpenDocument spreadsheet', 'ods'),
  odp: type('application/vnd.oasis.opendocument.presentation', 'OpenDocument presentation', 'odp'),
  odg: type('application/vnd.oasis.opendocument.graphics', 'OpenDocument drawing', 'odg'),
  rtf: type('application/rtf', 'RTF', 'rtf'),
  dwg: type('image/vnd.dwg', 'DWG drawing', 'dwg'),
  dxf: type('image/vnd.dxf', 'DXF drawing', 'dxf'),
  mp4: type('video/mp4', 'MP4 video', 'mp4', 'm4v'),
  quicktime: type('video/quicktime', 'QuickTime video', 'mov', 'qt'),
  threeGpp: type('video/3gpp', '3GP video', '3gp', '3g2'),
  m4a: type('audio/mp4', 'M4A audio', 'm4a'),
  mp3: type('audio/mpeg', 'MP3 audio', 'mp3'),
  wav: type('audio/wav', 'WAV audio', 'wav'),
  text: type('text/plain', 'plain text', 'txt', 'text', 'log', 'ini', 'cfg', 'conf', 'yaml', 'yml'),
  markdown: type('text/markdown', 'Markdown', 'md', 'markdown'),
  csv: type('text/csv', 'CSV', 'csv'),
  tsv: type('text/tab-separated-values', 'TSV', 'tsv'),
  json: type('application/json', 'JSON', 'json'),
  xml: type('application/xml', 'XML', 'xml'),
} as const satisfies Record<string, AttachmentType>;

export type AttachmentTypeKey = keyof typeof ATTACHMENT_TYPES;

/** Labels for messages and for an upload form's hint. */
export const ACCEPTED_ATTACHMENT_LABELS: readonly string[] = Object.values(ATTACHMENT_TYPES).map(
  (t) => t.label,
);

/** Types that are UTF-8 text (no signature): told apart by the extension only. */
export const TEXT_TYPES: readonly AttachmentTypeKey[] = [
  'text',
  'markdown',
  'csv',
  'tsv',
  'json',
  'xml',
  'dxf',
];

/**
 * Names that are programs, scripts, installers, shortcuts or pages whatever their bytes look like:
 * refused before sniffing, because some (.bat, .ps1, .js, .html) are plain text and would pass.
 */
export const REFUSED_EXTENSIONS: ReadonlySet<string> = new Set([
  'exe',
  'dll',
  'com',
  'scr',
  'msi',
  'msp',
  'msix',
  'appx',
  'sys',
  'cpl',
  'ocx',
  'pif',
  'lnk',
  'url',
  'bat',
  'cmd',
  'ps1',
  'psm1',
  'vbs',
  'vbe',
  'js',
  'jse',
  'mjs',
  'cjs',
  'wsf',
  'wsh',
  'hta',
  'jar',
  'apk',
  'app',
  'dmg',
  'pkg',
  'deb',
  'rpm',
  'sh',
  'bash',
  'zsh',
  'csh',
  'py',
  'pl',
  'rb',
  'php',
  'elf',
  'bin',
  'run',
  'so',
  'dylib',
  'html',
  'htm',
  'xhtml',
  'shtml',
  'svg',
  'svgz',
  'mht',
  'mhtml',
  'docm',
  'xlsm',
  'pptm',
  'dotm',
  'xltm',
  'potm',
  'xlam',
  'ppam',
  'reg',
  'inf',
  'iso',
  'img',
  'vhd',
]);
