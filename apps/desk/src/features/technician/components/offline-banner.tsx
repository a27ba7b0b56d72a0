import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Referenced by every disabled submit button (aria-describedby), so the reason is read out. */
export const OFFLINE_EXPLANATION_ID = 'technician-offline-explanation';

/** Says the phone is offline, that what shows is the last loaded copy, and why buttons are off. */
export function OfflineBanner() {
  const { t } = useTranslation('technician');
  return (
    <Alert color="orange" variant="filled" role="status" title={t('offline.title')}>
      <span id={OFFLINE_EXPLANATION_ID}>{t('offline.body')}</span>
    </Alert>
  );
}
