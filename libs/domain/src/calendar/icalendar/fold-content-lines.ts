const LIMIT = 75;

function utf8Length(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

function foldLine(line: string): string {
  const chunks: string[] = [];
  let chunk = '';
  let octets = 0;
  for (const character of line) {
    const size = utf8Length(character.codePointAt(0)!);
    if (octets + size > LIMIT) {
      chunks.push(chunk);
      // The continuation's leading space is one of its 75 octets.
      chunk = ' ';
      octets = 1;
    }
    chunk += character;
    octets += size;
  }
  chunks.push(chunk);
  return chunks.join('\r\n');
}

/**
 * Folds an iCalendar text so that no line exceeds 75 octets, leading space included (RFC 5545
 * §3.1), never inside a UTF-8 character. ical.js folds too, but writes its continuation lines one
 * octet long (75 after the space), which strict parsers on some phones reject. The text is
 * unfolded first, so its own folding does not matter.
 */
export function foldContentLines(text: string): string {
  return text
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .map(foldLine)
    .join('\r\n');
}
