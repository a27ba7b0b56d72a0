/**
 * Minutes of service hours as people say them: "45 min", "4 h", "1 h 30 min", "2 days" for whole
 * multiples of 24 hours. Units come from Intl, so each language gets its own words.
 */
export function formatDuration(minutes: number, language: string): string {
  const unit = (value: number, name: 'minute' | 'hour' | 'day') =>
    new Intl.NumberFormat(language, {
      style: 'unit',
      unit: name,
      unitDisplay: name === 'day' ? 'long' : 'short',
    }).format(value);
  if (minutes >= 24 * 60 && minutes % (24 * 60) === 0) return unit(minutes / (24 * 60), 'day');
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return unit(rest, 'minute');
  return rest === 0 ? unit(hours, 'hour') : `${unit(hours, 'hour')} ${unit(rest, 'minute')}`;
}
