import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { requestAge } from './request-age';

export interface Formatters {
  dateTime(instant: string): string;
  time(instant: string): string;
  /** `27/11/26, 09:00 – 11:00`, the day said once when both ends share it. */
  range(start: string, end: string): string;
  /** Time since `openedAt`: `3d`, `5h`, `25m` in the user's language. */
  age(openedAt: string, now: number): string;
  number(value: number): string;
}

/**
 * Dates, times and numbers in the user's language and the browser's time zone, with `Intl` alone.
 * Memoised per language: a table of fifty rows must not build fifty formatters.
 */
export function useFormatters(): Formatters {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(() => {
    const dateTime = new Intl.DateTimeFormat(language, { dateStyle: 'short', timeStyle: 'short' });
    const time = new Intl.DateTimeFormat(language, { timeStyle: 'short' });
    const units = {
      minute: new Intl.NumberFormat(language, { style: 'unit', unit: 'minute', unitDisplay: 'narrow' }),
      hour: new Intl.NumberFormat(language, { style: 'unit', unit: 'hour', unitDisplay: 'narrow' }),
      day: new Intl.NumberFormat(language, { style: 'unit', unit: 'day', unitDisplay: 'narrow' }),
    };
    const number = new Intl.NumberFormat(language, { maximumFractionDigits: 2 });
    return {
      dateTime: (instant) => dateTime.format(new Date(instant)),
      time: (instant) => time.format(new Date(instant)),
      range: (start, end) => dateTime.formatRange(new Date(start), new Date(end)),
      age: (openedAt, now) => {
        const age = requestAge(openedAt, now);
        return units[age.unit].format(age.value);
      },
      number: (value) => number.format(value),
    };
  }, [language]);
}
