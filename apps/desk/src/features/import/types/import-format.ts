export type ImportFormat = 'csv' | 'json';

/** By the file's name first (browsers often leave `type` empty for .csv), then its MIME type. */
export function importFormatOf(file: { name: string; type: string }): ImportFormat | undefined {
  const name = file.name.toLowerCase();
  if (name.endsWith('.csv')) return 'csv';
  if (name.endsWith('.json')) return 'json';
  if (/csv/i.test(file.type)) return 'csv';
  if (/json/i.test(file.type)) return 'json';
  return undefined;
}
