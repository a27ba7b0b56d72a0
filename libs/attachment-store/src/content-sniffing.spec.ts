import { AttachmentTypeRefusedError } from './errors';
import { extensionOf, sniffAttachmentType } from './content-sniffing';
import { sample } from './testing/sample-files';

const sniff = (head: Uint8Array, name: string) => sniffAttachmentType(head, name, true).mime;
const refusal = (head: Uint8Array, name: string): AttachmentTypeRefusedError => {
  try {
    sniffAttachmentType(head, name, true);
  } catch (error) {
    if (error instanceof AttachmentTypeRefusedError) return error;
    throw error;
  }
  throw new Error(`${name} was accepted`);
};

describe('sniffAttachmentType', () => {
  it.each([
    [sample.pdf(), 'a.pdf', 'application/pdf'],
    [sample.png(), 'a.PNG', 'image/png'],
    [sample.jpeg(), 'a.jpeg', 'image/jpeg'],
    [sample.docx(), 'a.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    [sample.zip(), 'sheet.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    [sample.odt(), 'a.odt', 'application/vnd.oasis.opendocument.text'],
    [sample.ole(), 'a.msg', 'application/vnd.ms-outlook'],
    [sample.mp4(), 'clip', 'video/mp4'],
    [sample.heic(), 'IMG.heif', 'image/heic'],
    [sample.dwg(), 'plan.dwg', 'image/vnd.dwg'],
    [sample.text('  0\nSECTION\n'), 'plan.dxf', 'image/vnd.dxf'],
    [sample.text('{"a":1}'), 'a.json', 'application/json'],
    [sample.text('BMW service notes'), 'notes.txt', 'text/plain'],
    [sample.text('{\\rtf1\\ansi hello}'), 'letter.rtf', 'application/rtf'],
  ])('takes %#: %s as %s', (head, name, mime) => {
    expect(sniff(head, name)).toBe(mime);
  });

  it.each([
    [sample.exe(), 'x.pdf', /Windows executable/],
    [sample.elf(), 'x', /ELF/],
    [Buffer.from([0xcf, 0xfa, 0xed, 0xfe, 7, 0, 0, 1]), 'x', /Mach-O/],
    [sample.shellScript(), 'x.txt', /script/],
    [sample.text('echo hi'), 'x.bat', /never accepted/],
    [sample.html(), 'x.txt', /web page/],
    [sample.text('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>'), 'x.xml', /SVG/],
    [sample.png(), 'manual.pdf', /named \.pdf but its content is PNG/],
    [sample.text('plain'), 'x.pdf', /named \.pdf but its content is plain text/],
    [sample.ole(), 'x', /name it \.doc/],
    [sample.docx(), 'x', /name it \.docx/],
    [sample.zip(), 'x.zip', /ZIP archive/],
  ])('refuses %#: %s', (head, name, message) => {
    const error = refusal(head, name);
    expect(error.message).toMatch(message);
    expect(error.field).toBe('file');
    expect(error.message).toMatch(/Accepted: PDF, PNG, JPEG/);
  });

  it('reads extensions in lower case and treats dot-files as having none', () => {
    expect(extensionOf('Report.Final.PDF')).toBe('pdf');
    expect(extensionOf('.profile')).toBe('');
    expect(extensionOf('README')).toBe('');
    expect(extensionOf('trailing.')).toBe('');
  });
});
