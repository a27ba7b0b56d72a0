import { Group, Loader, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isSupportedLanguage, type SupportedLanguage } from '../../app/i18n/supported-languages';

/** What a screen says while its code is still on the way, in each of the desk's languages. */
const LOADING: Record<SupportedLanguage, string> = { en: 'Loading…', it: 'Caricamento…' };

/**
 * Stands in for a screen whose code is still being fetched (each screen is its own chunk, loaded on
 * first visit): a polite status, so a screen reader hears that something is coming.
 */
export function ScreenLoading() {
  const { i18n } = useTranslation();
  const language = isSupportedLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'en';
  return (
    <Group gap="xs" role="status" data-testid="screen-loading">
      <Loader size="xs" aria-hidden="true" />
      <Text size="sm">{LOADING[language]}</Text>
    </Group>
  );
}
