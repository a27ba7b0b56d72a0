import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A calendar day (`2026-12-08`) in the user's language, weekday included ("Tue 8 Dec 2026"): a
 * visit falls on the site's day, so it is read in UTC and never shifted by the browser's zone.
 */
export function useDayFormat(): (day: string) => string {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(() => {
    const format = new Intl.DateTimeFormat(language, {
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      timeZone: 'UTC',
    });
    return (day: string) => {
      const date = new Date(`${day}T00:00:00Z`);
      return Number.isNaN(date.getTime()) ? day : format.format(date);
    };
  }, [language]);
}
