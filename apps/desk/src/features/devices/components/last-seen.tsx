import { useTranslation } from 'react-i18next';
import { useNow } from '../../service-levels/hooks/use-now';
import { useFormatters } from '../../service-requests/format/use-formatters';
import { useDeviceFormatters } from '../format/use-device-formatters';

/** When the device was last heard: how long ago on the screen's clock, and the moment itself. */
export function LastSeen({ at }: { at: string }) {
  const { t } = useTranslation('devices');
  const now = useNow();
  const format = useFormatters();
  const device = useDeviceFormatters();
  return (
    <time dateTime={at} data-testid="device-last-seen">
      {t('lastSeen', { ago: device.ago(at, now), at: format.dateTime(at) })}
    </time>
  );
}
