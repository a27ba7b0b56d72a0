const UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;

/** "512 byte", "1.2 kB", "3.4 MB" in the user's language (Intl's own unit names and decimals). */
export function formatBytes(size: number, language: string): string {
  let value = Math.max(0, size);
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return new Intl.NumberFormat(language, {
    style: 'unit',
    unit: UNITS[unit],
    unitDisplay: 'short',
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
}
