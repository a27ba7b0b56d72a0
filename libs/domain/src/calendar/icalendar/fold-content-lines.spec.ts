import { foldContentLines } from './fold-content-lines';

const octets = (line: string) => Buffer.byteLength(line, 'utf8');
const unfold = (text: string) => text.replace(/\r\n /g, '');

describe('foldContentLines', () => {
  it('folds long lines at 75 octets, the continuation space included', () => {
    const line = `DESCRIPTION:${'x'.repeat(300)}`;
    const folded = foldContentLines(line);
    const lines = folded.split('\r\n');
    expect(lines.map(octets)).toEqual([75, 75, 75, 75, 12 + 300 - 75 - 74 * 3 + 1]);
    expect(lines.slice(1).every((l) => l.startsWith(' '))).toBe(true);
    expect(unfold(folded)).toBe(line);
  });

  it('never splits a multi-octet character, and leaves short lines alone', () => {
    const line = `SUMMARY:${'àè€😀'.repeat(30)}`;
    const folded = foldContentLines(`BEGIN:VEVENT\r\n${line}\r\nEND:VEVENT`);
    const lines = folded.split('\r\n');
    expect(lines[0]).toBe('BEGIN:VEVENT');
    expect(lines.at(-1)).toBe('END:VEVENT');
    for (const l of lines) {
      expect(octets(l)).toBeLessThanOrEqual(75);
      expect(l).not.toContain('\uFFFD');
      expect(Buffer.from(l, 'utf8').toString('utf8')).toBe(l);
    }
    expect(unfold(folded)).toBe(`BEGIN:VEVENT\r\n${line}\r\nEND:VEVENT`);
  });

  it('unfolds what was folded before, however it was folded', () => {
    expect(foldContentLines('SUMMARY:ab\r\n c\r\n\td')).toBe('SUMMARY:abcd');
  });
});
