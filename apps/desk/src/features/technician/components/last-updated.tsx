import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** When the copy on screen was loaded: what matters when the phone has been offline a while. */
export function LastUpdated({ at }: { at: number }) {
  const { t, i18n } = useTranslation('technician');
  if (at === 0) return null;
  const time = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'short' }).format(at);
  return (
    <Text size="sm" c="dimmed">
      {t('updatedAt', { time })}
    </Text>
  );
}
