import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** Date and time to the second, in the user's language: retries come seconds apart. */
export function useSecondsFormat(): (instant: string) => string {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(() => {
    const format = new Intl.DateTimeFormat(language, { dateStyle: 'short', timeStyle: 'medium' });
    return (instant: string) => format.format(new Date(instant));
  }, [language]);
}
