import type { z } from 'zod';
import { csvTemplateColumns } from './csv-template-columns';

function quoted(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** The template file: the header line only, CRLF-terminated as RFC 4180 writes records. */
export function csvTemplateText(schema: z.ZodType): string {
  return `${csvTemplateColumns(schema).map(quoted).join(',')}\r\n`;
}
