import { z } from 'zod';

/** The languages timelines and sheets are told in. */
export const READER_LANGUAGES = ['it', 'en'] as const;
export type ReaderLanguage = (typeof READER_LANGUAGES)[number];

/** `?lang=it|en`: an explicit choice wins over the browser's Accept-Language. */
export const readerLanguageQuerySchema = z.object({ lang: z.enum(READER_LANGUAGES).optional() });

/**
 * The reader's language: `?lang` when given, else the first of ours the Accept-Language header
 * prefers (by q-value, then order; `it-IT` counts as `it`), else English.
 */
export function readerLanguage(lang: ReaderLanguage | undefined, acceptLanguage?: string): ReaderLanguage {
  if (lang) return lang;
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, index) => {
      const [tag = '', ...parameters] = part.trim().split(';');
      const q = parameters.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      const quality = q === undefined ? 1 : Number(q);
      return { primary: tag.trim().toLowerCase().split('-')[0] ?? '', quality, index };
    })
    .filter((entry) => entry.quality > 0 && !Number.isNaN(entry.quality))
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  const match = ranked.find((entry) => (READER_LANGUAGES as readonly string[]).includes(entry.primary));
  return (match?.primary as ReaderLanguage | undefined) ?? 'en';
}
