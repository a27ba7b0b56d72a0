/**
 * Small pieces shared by export and import: RFC 5545 TEXT escaping for the X- properties (ical.js
 * types unknown X- properties as raw values and would neither escape nor unescape them), the
 * stable hash behind our UIDs, and the wall-clock formats both sides agree on.
 */

export function escapeText(value: string): string {
  return value
    .replace(/\r\n?/g, '\n')
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\n/g, '\\n');
}

export function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

/**
 * FNV-1a, 2 × 32 bits, over the UTF-16 code units: enough to tell contents apart within one
 * calendar, with no dependency on node:crypto (the domain also runs in the browser).
 */
export function stableHash(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x5bd1e995) >>> 0;
  }
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}

/** 'HH:MM', or 'HH:MM:SS' when seconds matter: the model's own wall-clock format. */
export function formatLocalTime(hour: number, minute: number, second = 0): string {
  const two = (n: number): string => String(n).padStart(2, '0');
  return second ? `${two(hour)}:${two(minute)}:${two(second)}` : `${two(hour)}:${two(minute)}`;
}
